namespace Clinic.Bot.Operations;

/// <summary>How fast one visitor may go (section <c>RateLimit</c>), so one client cannot starve the others.</summary>
public sealed class RateLimitOptions
{
    /// <summary>Messages one conversation may post per minute.</summary>
    public int MessagesPerConversationPerMinute { get; set; } = 30;

    /// <summary>Requests for new website tokens (new conversations) one client address may make per minute.</summary>
    public int TokensPerClientPerMinute { get; set; } = 20;

    /// <summary>What the visitor is told when they are slowed down.</summary>
    public string Message { get; set; } = "You're sending messages faster than I can answer. Please wait a moment and try again.";
}
