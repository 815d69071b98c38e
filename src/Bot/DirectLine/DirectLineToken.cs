namespace Clinic.Bot.DirectLine;

/// <summary>What a valid token grants: one conversation, as one user, until <see cref="ExpiresAt"/>.</summary>
internal sealed record DirectLineToken(string ConversationId, string UserId, DateTimeOffset ExpiresAt);

/// <summary>The outcome of checking a token presented by a client.</summary>
internal enum TokenCheck
{
    Valid,
    Missing,
    Invalid,
    Expired,
}

/// <summary>A checked token: <see cref="Token"/> is set only when <see cref="Check"/> is <see cref="TokenCheck.Valid"/>.</summary>
internal sealed record TokenCheckResult(TokenCheck Check, DirectLineToken? Token)
{
    public static readonly TokenCheckResult Missing = new(TokenCheck.Missing, null);
    public static readonly TokenCheckResult Invalid = new(TokenCheck.Invalid, null);
    public static readonly TokenCheckResult Expired = new(TokenCheck.Expired, null);
}
