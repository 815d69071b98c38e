using Clinic.Bot.Storage;

namespace Clinic.Bot.Tests.Storage;

public abstract partial class ChatStoreContractTests
{
    [Fact]
    public async Task PurgeRemovesOldConversationsButNeverOpenEscalations()
    {
        var cutOff = T0.AddDays(30);
        await SaveNewAsync(Store, "conv-old", at: T0, escalations: [Escalation("esc-open"), Escalation("esc-acknowledged"), Escalation("esc-resolved")]);
        await Store.SetEscalationStatusAsync("esc-acknowledged", EscalationStatus.Acknowledged, "nurse.kim", T0.AddHours(1));
        await Store.SetEscalationStatusAsync("esc-resolved", EscalationStatus.Resolved, "nurse.kim", T0.AddHours(2));
        await Store.RecordFeedbackAsync("conv-old", "answer-1", FeedbackRating.Up, null, T0);
        await SaveNewAsync(Store, "conv-new", at: cutOff.AddDays(1), escalations: Escalation("esc-new"));
        await Store.SetEscalationStatusAsync("esc-new", EscalationStatus.Resolved, "nurse.kim", cutOff.AddDays(1));
        await Store.RecordFeedbackAsync("conv-new", "answer-1", FeedbackRating.Down, "unclear", cutOff.AddDays(1));

        var result = await Store.PurgeAsync(cutOff);

        Assert.Equal(new PurgeResult(TranscriptEntries: 2, Conversations: 1, Feedback: 1, Escalations: 1), result);
        Assert.Null(await Store.GetAsync("conv-old"));
        Assert.Empty(await Store.GetTranscriptAsync("conv-old", 10));
        Assert.Empty(await Store.GetFeedbackAsync("conv-old"));
        Assert.Null(await Store.GetEscalationAsync("esc-resolved"));
        Assert.Empty(await Store.GetAuditAsync("esc-resolved"));
        Assert.Equal(Sinks, (await Store.GetEscalationAsync("esc-open"))!.Deliveries.Select(d => d.Sink));
        Assert.NotNull(await Store.GetEscalationAsync("esc-acknowledged"));
        Assert.NotNull(await Store.GetAsync("conv-new"));
        Assert.Equal(2, (await Store.GetTranscriptAsync("conv-new", 10)).Count);
        Assert.Single(await Store.GetFeedbackAsync("conv-new"));
        Assert.NotNull(await Store.GetEscalationAsync("esc-new"));
        Assert.Equal(6, await Store.PendingCountAsync());
    }
}
