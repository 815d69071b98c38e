using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Clinic.Bot.Tests.Escalation;
using Clinic.Bot.Tests.Protocol;

namespace Clinic.Bot.Tests.App;

/// <summary>
/// Bodies a hostile or broken client sends, against the whole app on both doors (/api/messages and Direct Line):
/// each gets a 4xx or a clear reply, never a 500, and the app goes on answering.
/// </summary>
public sealed class HostileInputTests(AppFixture app) : IClassFixture<AppFixture>, IAsyncLifetime
{
    private FakeConnector _connector = null!;

    public async Task InitializeAsync() => _connector = await FakeConnector.StartAsync();

    public async Task DisposeAsync() => await _connector.DisposeAsync();

    // Raw bytes: each is not a usable activity (bad UTF-8, raw control characters, lone surrogates, absurd nesting).
    public static TheoryData<string, byte[]> BrokenBodies() => new()
    {
        { "invalid UTF-8 in the text", Bytes("{\"type\":\"message\",\"text\":\"", [0xC3, 0x28, 0xFF, 0xFE], " hi\"}") },
        { "invalid UTF-8 in a field name", Bytes("{\"type\":\"message\",\"", [0xE2, 0x82], "\":1,\"text\":\"hi\"}") },
        { "overlong UTF-8 for '<'", Bytes("{\"type\":\"message\",\"text\":\"", [0xC0, 0xBC], "script>\"}") },
        { "a raw NUL in a string", Bytes("{\"type\":\"message\",\"text\":\"a", [0x00], "b\"}") },
        { "a NUL before the JSON", Bytes("", [0x00], "{\"type\":\"message\",\"text\":\"hi\"}") },
        { "a lone surrogate escape", Bytes("{\"type\":\"message\",\"text\":\"\\ud800 hi\"}", [], "") },
        { "nesting 10,000 deep", Bytes("{\"type\":\"message\",\"text\":\"hi\",\"channelData\":" + new string('[', 10_000) + new string(']', 10_000) + "}", [], "") },
        { "nested objects 100 deep", Bytes("{\"type\":\"message\",\"text\":\"hi\",\"value\":" + string.Concat(Enumerable.Repeat("{\"a\":", 100)) + "1" + new string('}', 100) + "}", [], "") },
    };

    [Theory]
    [MemberData(nameof(BrokenBodies))]
    public async Task BotConnectorEndpointRefusesABrokenBodyWith400(string what, byte[] body)
    {
        using var response = await PostAsync("/api/messages", body, token: null);

        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{what}: {(int)response.StatusCode}");
        await AssertStillAnswersAsync();
    }

    [Theory]
    [MemberData(nameof(BrokenBodies))]
    public async Task DirectLineRefusesABrokenBodyWith400(string what, byte[] body)
    {
        var visitor = await app.NewVisitorAsync();

        using var response = await PostAsync($"/v3/directline/conversations/{visitor.ConversationId}/activities", body, visitor.Token);

        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{what}: {(int)response.StatusCode}");
        Assert.NotEmpty(await visitor.AskAsync("What is ketamine?"));
    }

    [Fact]
    public async Task AnEscapedNulInAMessageIsAnsweredLikeAnyOtherMessage()
    {
        var visitor = await app.NewVisitorAsync();

        var replies = await visitor.AskAsync("What are the common\0 side effects of ketamine?\0");

        Assert.NotEmpty(replies);
    }

    [Fact]
    public async Task AnOverLongMessageToTheBotConnectorEndpointGetsAClearReply()
    {
        var activity = TestActivities.Message(_connector.ServiceUrl, channelId: "emulator", id: "long-1", text: "ketamine " + new string('a', 5_000));

        using var response = await PostAsync("/api/messages", Encoding.UTF8.GetBytes(activity), token: null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reply = Assert.Single(_connector.Requests, r => r.Method == "POST" && r.Body.Contains("\"message\"", StringComparison.Ordinal));
        var text = JsonDocument.Parse(reply.Body).RootElement.GetProperty("text").GetString();
        Assert.Contains("too long", text, StringComparison.OrdinalIgnoreCase);
    }

    private async Task AssertStillAnswersAsync()
    {
        var visitor = await app.NewVisitorAsync();
        Assert.NotEmpty(await visitor.AskAsync("What is ketamine?"));
    }

    private async Task<HttpResponseMessage> PostAsync(string path, byte[] body, string? token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        if (token is not null)
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await app.Http.SendAsync(request);
    }

    private static byte[] Bytes(string before, byte[] raw, string after) =>
        [.. Encoding.UTF8.GetBytes(before), .. raw, .. Encoding.UTF8.GetBytes(after)];
}
