using System.Data.Common;
using Clinic.Bot.Storage;
using Clinic.Bot.Storage.Sql;

namespace Clinic.Bot.Tests.Storage;

public abstract partial class ChatStoreContractTests
{
    [Fact]
    public async Task SavedStateComesBackWithItsETag()
    {
        var etag = await SaveNewAsync(Store, "conv-1", """{"step":1,"name":"Zoë"}""");

        var stored = await Store.GetAsync("conv-1");

        Assert.NotNull(stored);
        Assert.Equal(new StoredConversation("conv-1", "webchat", """{"step":1,"name":"Zoë"}""", etag, T0), stored);
    }

    [Fact]
    public async Task UnknownConversationHasNoState()
    {
        Assert.Null(await Store.GetAsync("never-seen"));
    }

    [Fact]
    public async Task EachSaveIssuesANewETagThatGuardsTheNextSave()
    {
        var first = await SaveNewAsync(Store, "conv-1");

        var second = Assert.IsType<SaveResult.Saved>(await Store.SaveTurnAsync(Turn("conv-1", first, """{"step":2}""", T0.AddMinutes(1))));
        var third = Assert.IsType<SaveResult.Saved>(await Store.SaveTurnAsync(Turn("conv-1", second.ETag, """{"step":3}""", T0.AddMinutes(2))));

        Assert.Equal(3, new[] { first, second.ETag, third.ETag }.Distinct().Count());
        var stored = await Store.GetAsync("conv-1");
        Assert.Equal(("""{"step":3}""", third.ETag, T0.AddMinutes(2)), (stored!.StateJson, stored.ETag, stored.UpdatedAt));
    }

    [Fact]
    public async Task SecondWriterWithAStaleETagGetsAConflictAndTheFirstWriteSurvives()
    {
        var etag = await SaveNewAsync(Store, "conv-1");
        var other = await OpenAnotherStoreAsync();

        var first = await Store.SaveTurnAsync(Turn("conv-1", etag, """{"writer":"A"}"""));
        var second = await other.SaveTurnAsync(Turn("conv-1", etag, """{"writer":"B"}"""));

        var saved = Assert.IsType<SaveResult.Saved>(first);
        Assert.IsType<SaveResult.Conflict>(second);
        var stored = await other.GetAsync("conv-1");
        Assert.Equal(("""{"writer":"A"}""", saved.ETag), (stored!.StateJson, stored.ETag));
    }

    [Fact]
    public async Task OfManyConcurrentWritersWithTheSameETagExactlyOneWins()
    {
        var etag = await SaveNewAsync(Store, "conv-1");
        var other = await OpenAnotherStoreAsync();

        var results = await Task.WhenAll(Enumerable.Range(0, 12).Select(i => Task.Run(() =>
            (i % 2 == 0 ? Store : other).SaveTurnAsync(Turn("conv-1", etag, $$"""{"writer":{{i}}}""", userText: $"message {i}")))));

        var winners = results.Select((r, i) => (Result: r, Writer: i)).Where(x => x.Result is SaveResult.Saved).ToList();
        var winner = Assert.Single(winners);
        Assert.All(results.Where(r => r is not SaveResult.Saved), r => Assert.IsType<SaveResult.Conflict>(r));
        var stored = await Store.GetAsync("conv-1");
        Assert.Equal($$"""{"writer":{{winner.Writer}}}""", stored!.StateJson);
        var transcript = await Store.GetTranscriptAsync("conv-1", 100);
        Assert.Equal(["When is my next session?", "Tuesday at 10.", $"message {winner.Writer}", "Tuesday at 10."], transcript.Select(e => e.Text));
    }

    [Fact]
    public async Task OfRacingFirstTurnsOnANewConversationOnlyOneIsSaved()
    {
        var other = await OpenAnotherStoreAsync();

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Task.Run(() =>
            (i % 2 == 0 ? Store : other).SaveTurnAsync(Turn("conv-new", null, $$"""{"writer":{{i}}}""", userText: $"hello {i}")))));

        var winner = Assert.Single(results.Select((r, i) => (Result: r, Writer: i)), x => x.Result is SaveResult.Saved);
        Assert.Equal(7, results.Count(r => r is SaveResult.Conflict));
        Assert.Equal($$"""{"writer":{{winner.Writer}}}""", (await Store.GetAsync("conv-new"))!.StateJson);
        Assert.Equal($"hello {winner.Writer}", (await Store.GetTranscriptAsync("conv-new", 10))[0].Text);
    }

    [Fact]
    public async Task TurnIsSavedTogetherWithItsTranscriptEscalationAndDeliveries()
    {
        var result = await Store.SaveTurnAsync(Turn("conv-1", null, """{"step":1}""", escalations: [Escalation("esc-1")]));

        Assert.IsType<SaveResult.Saved>(result);
        var transcript = await Store.GetTranscriptAsync("conv-1", 10);
        Assert.Equal(
            [new TranscriptEntry(TranscriptRole.User, "When is my next session?", T0, "act-user"), new TranscriptEntry(TranscriptRole.Bot, "Tuesday at 10.", T0, null)],
            transcript);
        var escalation = await Store.GetEscalationAsync("esc-1");
        Assert.NotNull(escalation);
        Assert.Equal(("conv-1", EscalationKinds.Crisis, EscalationStatus.Open, T0), (escalation.ConversationId, escalation.Kind, escalation.Status, escalation.CreatedAt));
        Assert.Equal("""{"phone":"+15551234567"}""", escalation.ContactJson);
        Assert.Equal(Sinks, escalation.Deliveries.Select(d => d.Sink));
        Assert.All(escalation.Deliveries, d => Assert.Equal((DeliveryStatus.Pending, 0, (DateTimeOffset?)T0), (d.Status, d.Attempts, d.NextAttemptAt)));
        Assert.Equal(2, await Store.PendingCountAsync());
    }

    [Fact]
    public async Task ConflictingTurnWritesNeitherTranscriptNorEscalation()
    {
        var etag = await SaveNewAsync(Store, "conv-1");
        Assert.IsType<SaveResult.Saved>(await Store.SaveTurnAsync(Turn("conv-1", etag, """{"step":2}""")));

        var stale = await Store.SaveTurnAsync(Turn("conv-1", etag, """{"step":"stale"}""", userText: "I took an MAOI today", escalations: [Escalation("esc-stale", EscalationKinds.Contraindication)]));

        Assert.IsType<SaveResult.Conflict>(stale);
        Assert.DoesNotContain(await Store.GetTranscriptAsync("conv-1", 100), e => e.Text == "I took an MAOI today");
        Assert.Null(await Store.GetEscalationAsync("esc-stale"));
        Assert.Equal(0, await Store.PendingCountAsync());
        Assert.Equal("""{"step":2}""", (await Store.GetAsync("conv-1"))!.StateJson);
    }

    [Fact]
    public async Task TurnThatFailsHalfwayLeavesNothingBehind()
    {
        var etag = await SaveNewAsync(Store, "conv-1", escalations: Escalation("esc-1"));

        // Reusing an escalation id fails on the escalation insert, after the state and transcript rows were written.
        var failing = Store.SaveTurnAsync(Turn("conv-1", etag, """{"step":2}""", userText: "second message", escalations: [Escalation("esc-1")]));

        await Assert.ThrowsAnyAsync<DbException>(() => failing);
        var stored = await Store.GetAsync("conv-1");
        Assert.Equal(("""{"step":1}""", etag), (stored!.StateJson, stored.ETag));
        Assert.DoesNotContain(await Store.GetTranscriptAsync("conv-1", 100), e => e.Text == "second message");
        Assert.IsType<SaveResult.Saved>(await Store.SaveTurnAsync(Turn("conv-1", etag, """{"step":2}""")));
    }

    [Fact]
    public async Task TranscriptReturnsTheLatestEntriesOldestFirst()
    {
        var etag = await SaveNewAsync(Store, "conv-1");
        for (var i = 2; i <= 3; i++)
        {
            var saved = await Store.SaveTurnAsync(Turn("conv-1", etag, "{}", T0.AddMinutes(i), userText: $"question {i}", botText: $"answer {i}"));
            etag = Assert.IsType<SaveResult.Saved>(saved).ETag;
        }
        await SaveNewAsync(Store, "conv-other");

        var transcript = await Store.GetTranscriptAsync("conv-1", 3);

        Assert.Equal(["answer 2", "question 3", "answer 3"], transcript.Select(e => e.Text));
        Assert.Equal([TranscriptRole.Bot, TranscriptRole.User, TranscriptRole.Bot], transcript.Select(e => e.Role));
    }

    [Fact]
    public async Task LaterFeedbackOnTheSameAnswerReplacesTheEarlierOne()
    {
        await Store.RecordFeedbackAsync("conv-1", "answer-1", FeedbackRating.Up, null, T0);
        await Store.RecordFeedbackAsync("conv-1", "answer-2", FeedbackRating.Up, null, T0.AddMinutes(1));
        await Store.RecordFeedbackAsync("conv-2", "answer-1", FeedbackRating.Up, null, T0.AddMinutes(1));

        await Store.RecordFeedbackAsync("conv-1", "answer-1", FeedbackRating.Down, "That was not my question", T0.AddMinutes(2));

        Assert.Equal(
            [
                new FeedbackRecord("conv-1", "answer-2", FeedbackRating.Up, null, T0.AddMinutes(1)),
                new FeedbackRecord("conv-1", "answer-1", FeedbackRating.Down, "That was not my question", T0.AddMinutes(2)),
            ],
            await Store.GetFeedbackAsync("conv-1"));
        Assert.Equal(FeedbackRating.Up, Assert.Single(await Store.GetFeedbackAsync("conv-2")).Rating);
    }

    [Fact]
    public async Task HealthyStoreReportsItsSchemaVersion()
    {
        var health = await Store.CheckHealthAsync();

        Assert.True(health.IsHealthy, health.Description);
        Assert.Contains($"schema version {Schema.LatestVersion}", health.Description);
    }

    [Fact]
    public async Task InitializingTwiceOrFromTwoInstancesKeepsTheData()
    {
        await SaveNewAsync(Store, "conv-1");
        var other = await OpenAnotherStoreAsync();

        await Task.WhenAll(Store.InitializeAsync(), other.InitializeAsync());

        Assert.NotNull(await other.GetAsync("conv-1"));
    }
}
