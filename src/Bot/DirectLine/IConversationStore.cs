using Clinic.Bot.Protocol;

namespace Clinic.Bot.DirectLine;

/// <summary>
/// The activity log behind the Direct Line channel. Each conversation keeps a bounded, ordered log; the position of an
/// activity in it (its sequence) is the Direct Line watermark. Conversations no client touches expire.
/// The default is in memory (one process); a shared store (Redis, SQL) would let several instances serve one conversation.
/// </summary>
public interface IConversationStore
{
    /// <summary>Creates the conversation unless it exists or the store is full.</summary>
    Task<ConversationCreateResult> CreateAsync(string conversationId, CancellationToken cancellationToken);

    /// <summary>Whether the conversation is live; counts as client activity, keeping it from expiring.</summary>
    Task<bool> TouchAsync(string conversationId, CancellationToken cancellationToken);

    /// <summary>Appends an activity, giving it an id (<c>{conversationId}|{sequence}</c>) when it has none.
    /// Null when the conversation does not exist.</summary>
    Task<StoredActivity?> AppendAsync(string conversationId, Activity activity, CancellationToken cancellationToken);

    /// <summary>Replaces the activity with the same id: the old entry leaves the log and the new one is appended, so
    /// clients past the old watermark see the update. Null when the conversation or the activity does not exist.</summary>
    Task<StoredActivity?> ReplaceAsync(string conversationId, Activity activity, CancellationToken cancellationToken);

    /// <summary>The activities after <paramref name="afterWatermark"/> still in the log, and the newest watermark.
    /// Null when the conversation does not exist.</summary>
    Task<ActivityPage?> ReadAsync(string conversationId, long afterWatermark, CancellationToken cancellationToken);

    /// <summary>Completes with true when the log holds an activity after <paramref name="afterWatermark"/>,
    /// or false once the conversation is gone.</summary>
    Task<bool> WaitForActivityAsync(string conversationId, long afterWatermark, CancellationToken cancellationToken);

    /// <summary>Forgets conversations idle longer than the configured timeout; returns how many.</summary>
    Task<int> RemoveIdleAsync(CancellationToken cancellationToken);
}

public enum ConversationCreateResult
{
    Created,
    AlreadyExists,
    AtCapacity,
}

/// <summary>An activity as it sits in the log: serialized once, served as is.</summary>
public sealed record StoredActivity(long Sequence, string Id, string? Type, string? FromId, ReadOnlyMemory<byte> Json);

/// <summary>A slice of the log and the watermark a client should send next.</summary>
public sealed record ActivityPage(IReadOnlyList<StoredActivity> Activities, long Watermark);
