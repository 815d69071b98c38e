using Clinic.Bot.Telemetry;
using Clinic.Bot.Tests.Escalation;

namespace Clinic.Bot.Tests.Telemetry;

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TelemetryCollection
{
    // Listeners see every span and measurement in the process: no other test may run beside these.
    public const string Name = "Telemetry";
}

[Collection(TelemetryCollection.Name)]
public sealed class TelemetryTests(TelemetryAppFixture app) : IClassFixture<TelemetryAppFixture>
{
    private const string Phone = "+1 503 555 0187";
    private const string Email = "zoe.quillfeather@example.org";
    private const string Disclosure = "I have glaucoma and my quillfeather cousin says ketamine is fine, is it safe for me?";

    [Fact]
    public async Task TurnsShowUpAsSpansAndMetricsWithNothingTheVisitorWrote()
    {
        using var capture = new TelemetryCapture();
        var visitor = await app.NewVisitorAsync();

        await visitor.AskAsync("How is ketamine given?");
        await visitor.AskAsync(Disclosure);
        await visitor.AskAsync($"yes please, call {Phone} or write to {Email}");
        await visitor.AskAsync("What is the best pizza topping in Naples?");
        await Eventually.TrueAsync(() =>
        {
            capture.Observe();
            return capture.Measurements.Any(m => m.Instrument == "clinic.bot.escalations.pending" && m.Value >= 2);
        }, "the pending gauge reported the two undelivered alerts");

        var turns = capture.Spans.Where(s => s.Source.Name == BotTelemetry.Name && s.OperationName == "bot.turn").ToList();
        Assert.Equal(4, turns.Count);
        Assert.All(turns, s => Assert.Equal(("directline", "saved"), ((string?)s.GetTagItem(TurnTags.Channel), (string?)s.GetTagItem(TurnTags.Result))));
        Assert.Contains(turns, s => (string?)s.GetTagItem(TurnTags.TriageLevel) == "contraindication" && (string?)s.GetTagItem(TurnTags.Escalations) == "contraindication");
        Assert.Contains(turns, s => (string?)s.GetTagItem(TurnTags.Escalations) == "contact-details");
        Assert.Contains(turns, s => s.GetTagItem(TurnTags.Answered) is false && s.GetTagItem(TurnTags.DeclineReason) is string);

        var ours = capture.Measurements.Where(m => m.Meter == BotTelemetry.Name).ToList();
        Assert.Equal(4, ours.Count(m => m.Instrument == "clinic.bot.turn.duration" && (string?)m.Tag(TurnTags.Result) == "saved"));
        Assert.Contains(ours, m => m.Instrument == "clinic.bot.triage.outcomes" && (string?)m.Tag(TurnTags.TriageLevel) == "contraindication");
        Assert.Contains(ours, m => m.Instrument == "clinic.bot.triage.outcomes" && (string?)m.Tag(TurnTags.TriageLevel) == "none");
        Assert.Contains(ours, m => m.Instrument == "clinic.bot.answers.declined" && m.Tag(TurnTags.DeclineReason) is string);
        Assert.True(ours.Count(m => m.Instrument == "clinic.bot.answers") >= 3);

        // Every span of every source (ASP.NET Core, HttpClient too), every metric tag and every log line.
        var everything = capture.AllText() + "\n" + app.Logs.All;
        Assert.Contains("bot.turn", everything);
        Assert.Contains("/v3/directline/conversations", everything);
        foreach (var secret in new[] { Phone, "5035550187", "503 555 0187", "555-0187", Email, "quillfeather", "glaucoma", "pizza topping" })
            Assert.DoesNotContain(secret, everything, StringComparison.OrdinalIgnoreCase);
    }
}
