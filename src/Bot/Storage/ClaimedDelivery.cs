namespace Clinic.Bot.Storage;

/// <summary>A delivery this worker now holds until <see cref="ClaimedUntil"/>, with the escalation to send.</summary>
/// <param name="Attempts">Including this one.</param>
public sealed record ClaimedDelivery(EscalationRecord Escalation, string Sink, int Attempts, DateTimeOffset ClaimedUntil);
