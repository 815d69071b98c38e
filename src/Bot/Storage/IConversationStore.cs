namespace Clinic.Bot.Storage;

/// <summary>Conversation state, transcripts and feedback. One turn is saved atomically with its escalations.</summary>
public interface IConversationStore
{
    /// <summary>The stored state and its ETag, or null when the conversation is new.</summary>
    Task<StoredConversation?> GetAsync(string conversationId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Writes state, transcript entries and escalations (with their delivery rows) in one transaction.
    /// Returns <see cref="SaveResult.Conflict"/> and writes nothing when another writer got there first.
    /// </summary>
    Task<SaveResult> SaveTurnAsync(TurnWrite turn, CancellationToken cancellationToken = default);

    /// <summary>The latest <paramref name="limit"/> entries, oldest first.</summary>
    Task<IReadOnlyList<TranscriptEntry>> GetTranscriptAsync(string conversationId, int limit, CancellationToken cancellationToken = default);

    /// <summary>Records a rating; a second rating of the same answer in the same conversation replaces the first.</summary>
    Task RecordFeedbackAsync(string conversationId, string answerId, FeedbackRating rating, string? comment, DateTimeOffset at, CancellationToken cancellationToken = default);

    /// <summary>All feedback of a conversation, oldest first.</summary>
    Task<IReadOnlyList<FeedbackRecord>> GetFeedbackAsync(string conversationId, CancellationToken cancellationToken = default);

    /// <summary>Deletes transcripts, states and feedback older than the cut-off, and resolved escalations; never open ones.</summary>
    Task<PurgeResult> PurgeAsync(DateTimeOffset olderThan, CancellationToken cancellationToken = default);

    /// <summary>Whether the database answers; never throws for an unreachable database.</summary>
    Task<StoreHealth> CheckHealthAsync(CancellationToken cancellationToken = default);
}
