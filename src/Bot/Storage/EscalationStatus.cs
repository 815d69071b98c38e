namespace Clinic.Bot.Storage;

/// <summary>Where staff are with an escalation.</summary>
public enum EscalationStatus
{
    Open,
    Acknowledged,
    Resolved,
}
