namespace Clinic.Bot.Storage;

/// <summary>One recorded action on an escalation ("created", "acknowledged", "resolved", "open").</summary>
public sealed record AuditEntry(long Id, string EscalationId, string Action, string Actor, DateTimeOffset At);
