namespace Clinic.Bot.Storage;

/// <summary>Everything one turn writes, saved in a single transaction.</summary>
/// <param name="ExpectedETag">The ETag read with the state; null for a conversation that has no state yet.</param>
/// <param name="DeliverySinks">Sink names (e.g. "email", "teams"); each new escalation gets one pending delivery per sink.</param>
public sealed record TurnWrite(
    string ConversationId,
    string ChannelId,
    string StateJson,
    string? ExpectedETag,
    DateTimeOffset Now,
    IReadOnlyList<TranscriptEntry> Transcript,
    IReadOnlyList<NewEscalation> Escalations,
    IReadOnlyList<string> DeliverySinks);
