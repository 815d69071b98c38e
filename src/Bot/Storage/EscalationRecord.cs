namespace Clinic.Bot.Storage;

/// <summary>A stored escalation with its per-sink deliveries.</summary>
public sealed record EscalationRecord(
    string Id,
    string ConversationId,
    string Kind,
    int Priority,
    string ReasonsJson,
    string TriggeringText,
    string TranscriptExcerpt,
    string? ContactJson,
    EscalationStatus Status,
    DateTimeOffset CreatedAt,
    string? AcknowledgedBy,
    DateTimeOffset? AcknowledgedAt,
    string? ResolvedBy,
    DateTimeOffset? ResolvedAt,
    IReadOnlyList<DeliveryRecord> Deliveries);
