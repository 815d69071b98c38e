using Clinic.Bot.Storage;

namespace Clinic.Bot.Tests.App;

/// <summary>The real store, except that reads or writes can be made to fail the way an unreachable database does.</summary>
internal sealed class OutageStore(IConversationStore inner) : IConversationStore
{
    public volatile bool FailReads;
    public volatile bool FailWrites;

    private void Check(bool failing)
    {
        if (failing)
            throw new StoreUnavailableException("The conversation store is unreachable (test outage).", new IOException("connection refused"));
    }

    public Task<StoredConversation?> GetAsync(string conversationId, CancellationToken cancellationToken = default)
    {
        Check(FailReads);
        return inner.GetAsync(conversationId, cancellationToken);
    }

    public Task<SaveResult> SaveTurnAsync(TurnWrite turn, CancellationToken cancellationToken = default)
    {
        Check(FailWrites);
        return inner.SaveTurnAsync(turn, cancellationToken);
    }

    public Task<IReadOnlyList<TranscriptEntry>> GetTranscriptAsync(string conversationId, int limit, CancellationToken cancellationToken = default)
    {
        Check(FailReads);
        return inner.GetTranscriptAsync(conversationId, limit, cancellationToken);
    }

    public Task RecordFeedbackAsync(string conversationId, string answerId, FeedbackRating rating, string? comment, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        Check(FailWrites);
        return inner.RecordFeedbackAsync(conversationId, answerId, rating, comment, at, cancellationToken);
    }

    public Task<IReadOnlyList<FeedbackRecord>> GetFeedbackAsync(string conversationId, CancellationToken cancellationToken = default) => inner.GetFeedbackAsync(conversationId, cancellationToken);

    public Task<PurgeResult> PurgeAsync(DateTimeOffset olderThan, CancellationToken cancellationToken = default) => inner.PurgeAsync(olderThan, cancellationToken);

    public Task<StoreHealth> CheckHealthAsync(CancellationToken cancellationToken = default) => inner.CheckHealthAsync(cancellationToken);
}
