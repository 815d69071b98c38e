using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text.Json.Nodes;
using Clinic.Bot.Tests.App;

namespace Clinic.Bot.Tests.Knowledge;

/// <summary>Generative answers end to end: Web Chat's Direct Line, the turn pipeline, the model over loopback HTTP.</summary>
public sealed class GenerationAppTests(GenerationAppFixture app) : IClassFixture<GenerationAppFixture>
{
    private static string Text(JsonObject reply) => reply["text"]?.GetValue<string>() ?? "";

    [Fact]
    public async Task AnswersWithTheVerifiedModelAnswerAndItsCitations()
    {
        var before = app.Model.Requests.Count;
        var visitor = await app.NewVisitorAsync();
        var reply = Assert.Single(await visitor.AskAsync("What are the common side effects of ketamine?"));

        var request = app.Model.Requests.Skip(before).Single();
        Assert.Contains("<question>What are the common side effects of ketamine?</question>", request.UserMessage, StringComparison.Ordinal);
        Assert.Contains(request.FirstSentence(1).TrimEnd('.') + " [1].", Text(reply), StringComparison.Ordinal);
        var clinic = reply["channelData"]!["clinic"]!;
        Assert.True(clinic["answered"]!.GetValue<bool>());
        Assert.NotEmpty(clinic["citations"]!.AsArray());
        Assert.NotEmpty(clinic["disclaimers"]!.AsArray());
    }

    [Fact]
    public async Task StreamsTheVerifiedFirstSentenceToWebChatBeforeTheFinalMessage()
    {
        var visitor = await app.NewVisitorAsync();
        using var socket = await ConnectStreamAsync(visitor);
        var frames = ReadUntilFinalAsync(socket);
        await visitor.AskAsync("How is ketamine given?");
        var seen = await frames;

        var interim = seen.Where(a => a["type"]!.GetValue<string>() == "typing" && a["channelData"]?["streamType"]?.GetValue<string>() == "streaming").ToList();
        var final = seen.Single(a => a["channelData"]?["streamType"]?.GetValue<string>() == "final");
        Assert.NotEmpty(interim);
        Assert.Equal("message", final["type"]!.GetValue<string>());
        Assert.Equal(interim[0]["id"]!.GetValue<string>(), final["channelData"]!["streamId"]!.GetValue<string>());
        Assert.Equal(1, interim[0]["channelData"]!["streamSequence"]!.GetValue<int>());
        Assert.NotEmpty(final["channelData"]!["clinic"]!["citations"]!.AsArray());
        // What was shown while the model wrote is the start of what the visitor keeps: only verified sentences, no backtracking.
        foreach (var shown in interim)
            Assert.StartsWith(shown["text"]!.GetValue<string>(), Text(final), StringComparison.Ordinal);
        Assert.Contains(" [1].", interim[0]["text"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    private async Task<ClientWebSocket> ConnectStreamAsync(Visitor visitor)
    {
        using var reconnect = new HttpRequestMessage(HttpMethod.Get, $"/v3/directline/conversations/{visitor.ConversationId}");
        reconnect.Headers.Authorization = new AuthenticationHeaderValue("Bearer", visitor.Token);
        var body = (await (await app.Http.SendAsync(reconnect)).Content.ReadFromJsonAsync<JsonObject>())!;
        var socket = new ClientWebSocket();
        await socket.ConnectAsync(new Uri(body["streamUrl"]!.GetValue<string>()), CancellationToken.None);
        return socket;
    }

    private static async Task<List<JsonObject>> ReadUntilFinalAsync(ClientWebSocket socket)
    {
        var seen = new List<JsonObject>();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var buffer = new byte[1 << 16];
        while (!seen.Any(a => a["channelData"]?["streamType"]?.GetValue<string>() == "final"))
        {
            using var frame = new MemoryStream();
            WebSocketReceiveResult result;
            do
            {
                result = await socket.ReceiveAsync(buffer, timeout.Token);
                frame.Write(buffer, 0, result.Count);
            }
            while (!result.EndOfMessage);
            if (frame.Length > 0)
                seen.AddRange(JsonNode.Parse(frame.ToArray())!["activities"]!.AsArray().OfType<JsonObject>());
        }
        return seen;
    }

    [Fact]
    public async Task NeverAsksTheModelAboutACrisis()
    {
        var before = app.Model.Requests.Count;
        var visitor = await app.NewVisitorAsync();
        var replies = await visitor.AskAsync("i cant do this anymore, i want to kill myself");

        Assert.Contains("988", Text(replies[0]), StringComparison.Ordinal);
        Assert.Equal(before, app.Model.Requests.Count);
    }
}

public sealed class FailingModelAppTests(FailingModelAppFixture app) : IClassFixture<FailingModelAppFixture>
{
    [Fact]
    public async Task KeepsAnsweringExtractivelyAndReportsDegradedWhileTheBreakerIsOpen()
    {
        Assert.Equal("Healthy", await (await app.Http.GetAsync("/readyz")).Content.ReadAsStringAsync());
        var visitor = await app.NewVisitorAsync();
        foreach (var question in new[] { "What are the common side effects of ketamine?", "How is ketamine given?", "Is ketamine addictive?" })
        {
            var reply = Assert.Single(await visitor.AskAsync(question));
            Assert.True(reply["channelData"]!["clinic"]!["answered"]!.GetValue<bool>());
            Assert.DoesNotContain("[1]", reply["text"]!.GetValue<string>(), StringComparison.Ordinal);
        }

        // Two failures open the breaker; the third question never reached the model.
        Assert.Equal(2, app.Model.Requests.Count);
        var ready = await app.Http.GetAsync("/readyz");
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("Degraded", await ready.Content.ReadAsStringAsync());
    }
}
