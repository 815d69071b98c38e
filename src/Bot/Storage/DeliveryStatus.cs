namespace Clinic.Bot.Storage;

/// <summary>Where one sink's delivery of an escalation stands.</summary>
public enum DeliveryStatus
{
    /// <summary>Not yet attempted, or scheduled again for a resend.</summary>
    Pending,
    Delivered,
    /// <summary>The last attempt failed; retried at its next attempt time, if it has one.</summary>
    Failed,
}
