namespace Clinic.Bot.Protocol.Authentication;

internal enum BotAuthStatus
{
    Authenticated,
    Anonymous,
    Unauthorized,
    Forbidden,
    Unavailable,
}

internal enum BotTokenSource
{
    None,
    BotConnector,
    Entra,
}

/// <summary>Who sent a request, or why it is refused. <see cref="Reason"/> is for logs only and never holds message text.</summary>
internal sealed record BotAuthResult(
    BotAuthStatus Status,
    string Reason,
    BotTokenSource Source = BotTokenSource.None,
    string? ServiceUrlClaim = null,
    IReadOnlySet<string>? Endorsements = null)
{
    public bool IsAllowed => Status is BotAuthStatus.Authenticated or BotAuthStatus.Anonymous;

    public static BotAuthResult Anonymous() => new(BotAuthStatus.Anonymous, "no app id configured; loopback caller");

    public static BotAuthResult Unauthorized(string reason) => new(BotAuthStatus.Unauthorized, reason);

    public static BotAuthResult Forbidden(string reason) => new(BotAuthStatus.Forbidden, reason);

    public static BotAuthResult Unavailable(string reason) => new(BotAuthStatus.Unavailable, reason);
}
