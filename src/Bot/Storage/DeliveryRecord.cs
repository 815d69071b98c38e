namespace Clinic.Bot.Storage;

/// <summary>One sink's delivery of an escalation.</summary>
/// <param name="NextAttemptAt">When it is due; null when it will not be attempted again.</param>
public sealed record DeliveryRecord(
    string EscalationId,
    string Sink,
    DeliveryStatus Status,
    int Attempts,
    DateTimeOffset? NextAttemptAt,
    string? ClaimedBy,
    DateTimeOffset? ClaimedUntil,
    string? LastError,
    DateTimeOffset? DeliveredAt,
    string? ExternalId);
