namespace Clinic.Bot.DirectLine;

/// <summary>The embedded Direct Line 3.0 channel and the website token endpoint, bound from the <c>DirectLine</c> section.</summary>
public sealed class DirectLineOptions
{
    public const string Section = "DirectLine";

    /// <summary>Base64 HMAC-SHA256 key (at least 32 bytes) that signs conversation tokens. Empty: a random key per process,
    /// so tokens die with the process and several instances cannot share conversations.</summary>
    public string? TokenSigningKey { get; set; }

    /// <summary>How long a token is valid before the client must refresh it (the Azure service uses 30 minutes too).</summary>
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>Azure Bot Service Direct Line secret. When set, <c>/api/directline/token</c> exchanges it for an Azure token
    /// and the browser talks to Azure instead of the embedded channel. Never sent to the browser.</summary>
    public string? Secret { get; set; }

    /// <summary>Where the secret is exchanged for a token (configurable so tests can stand up a local fake).</summary>
    public Uri AzureTokenEndpoint { get; set; } = new("https://directline.botframework.com/v3/directline/tokens/generate");

    /// <summary>The Direct Line base the browser uses with an Azure token.</summary>
    public Uri AzureDomain { get; set; } = new("https://directline.botframework.com/v3/directline");

    /// <summary>Public origin of this app (e.g. <c>https://chat.example.org</c>) when it sits behind a proxy that hides the
    /// real scheme or host; empty: taken from each request.</summary>
    public Uri? PublicBaseUrl { get; set; }

    /// <summary>Id and display name of the bot in activities.</summary>
    public string BotId { get; set; } = "clinic-bot";

    public string BotName { get; set; } = "Clinic assistant";

    /// <summary>Longest message text accepted from a visitor.</summary>
    public int MaxMessageLength { get; set; } = 4000;

    /// <summary>Largest request body accepted when posting an activity.</summary>
    public int MaxRequestBodyBytes { get; set; } = 256 * 1024;

    /// <summary>Most activities kept per conversation; older ones are dropped first.</summary>
    public int MaxActivitiesPerConversation { get; set; } = 200;

    /// <summary>Most bytes of activity JSON kept per conversation; older activities are dropped first.</summary>
    public int MaxConversationBytes { get; set; } = 1024 * 1024;

    /// <summary>Most live conversations; new ones are refused (503) beyond this.</summary>
    public int MaxConversations { get; set; } = 1000;

    /// <summary>A conversation no client has touched for this long is forgotten.</summary>
    public TimeSpan ConversationIdleTimeout { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>How often idle conversations are swept.</summary>
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Bot turns waiting per conversation before posts are refused (429).</summary>
    public int MaxPendingTurnsPerConversation { get; set; } = 3;

    /// <summary>Longest a bot turn may run before it is cancelled.</summary>
    public TimeSpan TurnTimeout { get; set; } = TimeSpan.FromSeconds(90);

    /// <summary>Show the bot as typing while it works on a message.</summary>
    public bool SendTypingWhileTurnRuns { get; set; } = true;

    /// <summary>Interval of the empty keep-alive frames on the WebSocket stream.</summary>
    public TimeSpan StreamHeartbeatInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Said to the visitor when a bot turn fails, so nobody waits for an answer that will not come.</summary>
    public string TurnFailedMessage { get; set; } =
        "Sorry, something went wrong while I was answering. Please try again in a moment, or contact the clinic directly.";
}
