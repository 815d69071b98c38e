using System.Net;
using System.Text.Json.Nodes;

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
