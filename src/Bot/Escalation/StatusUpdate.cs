using Clinic.Bot.Storage;

namespace Clinic.Bot.Escalation;

/// <summary>The outcome of a staff action: what happened and the escalation as it now stands (null when not found).</summary>
public sealed record StatusUpdate(StatusChangeResult Result, EscalationRecord? Escalation);
