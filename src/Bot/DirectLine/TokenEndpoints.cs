using Clinic.Bot.Protocol;
using Microsoft.Extensions.Options;

namespace Clinic.Bot.DirectLine;

/// <summary>Direct Line 3.0 token endpoints, for the embedded channel.</summary>
internal static class TokenEndpoints
{
    /// <summary>A fresh token for the same conversation and user; an expired token cannot be refreshed.</summary>
    public static IResult Refresh(HttpRequest request, DirectLineTokenService tokens, TimeProvider time)
    {
        var grant = DirectLineAuth.Authorize(tokens, DirectLineAuth.BearerToken(request), conversationId: null, out var denied);
        if (grant is null)
        {
            return denied!;
        }
        var (token, renewed) = tokens.Issue(grant.ConversationId, grant.UserId);
        return Results.Json(new TokenResponse(renewed.ConversationId, token, ConversationEndpoints.ExpiresInSeconds(renewed, time)),
            DirectLineJson.Options);
    }

    /// <summary>
    /// A token for a new conversation. The embedded channel has no secret to guard this with: it grants exactly what the
    /// anonymous website endpoint grants (a new, empty conversation), and always mints a fresh user id rather than trusting one.
    /// </summary>
    public static async Task<IResult> GenerateAsync(
        HttpRequest request, DirectLineTokenService tokens, IOptions<DirectLineOptions> options, TimeProvider time, CancellationToken cancellationToken)
    {
        var body = await RequestBodyReader.ReadJsonAsync<GenerateBody>(request, options.Value.MaxRequestBodyBytes, cancellationToken);
        if (body.Error is not null)
        {
            return body.Error;
        }
        var (token, grant) = tokens.Issue(Identifiers.NewConversationId(), Identifiers.NewUserId());
        return Results.Json(new TokenResponse(grant.ConversationId, token, ConversationEndpoints.ExpiresInSeconds(grant, time)),
            DirectLineJson.Options);
    }

    internal sealed record GenerateBody(ChannelAccount? User);

    internal sealed record TokenResponse(
        string ConversationId,
        string Token,
        [property: System.Text.Json.Serialization.JsonPropertyName("expires_in")] int ExpiresIn);
}
