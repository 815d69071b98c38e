namespace Clinic.Bot.DirectLine;

/// <summary>Turns the token a request carries into a grant for one conversation, or the error response to send.</summary>
internal static class DirectLineAuth
{
    public static string? BearerToken(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        const string scheme = "Bearer ";
        return header.StartsWith(scheme, StringComparison.OrdinalIgnoreCase) ? header[scheme.Length..].Trim() : null;
    }

    /// <summary>The grant when the token is valid (and, with <paramref name="conversationId"/>, bound to that conversation);
    /// otherwise <paramref name="error"/> says why: 401 without a token, 403 for a forged, expired or foreign one.</summary>
    public static DirectLineToken? Authorize(
        DirectLineTokenService tokens, string? token, string? conversationId, out IResult? error)
    {
        var result = tokens.Check(token);
        error = result.Check switch
        {
            TokenCheck.Missing => DirectLineErrors.Unauthorized(),
            TokenCheck.Invalid => DirectLineErrors.TokenInvalid(),
            TokenCheck.Expired => DirectLineErrors.TokenExpired(),
            _ when conversationId is not null && !string.Equals(result.Token!.ConversationId, conversationId, StringComparison.Ordinal)
                => DirectLineErrors.WrongConversation(),
            _ => null,
        };
        return error is null ? result.Token : null;
    }
}
