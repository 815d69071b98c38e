using System.Text.Json.Serialization;
using Microsoft.Extensions.Options;

namespace Clinic.Bot.DirectLine;

/// <summary>
/// <c>POST /api/directline/token</c>: what the chat page calls to get going. Without a Direct Line secret it mints a token
/// for a new conversation on the embedded channel; with one it fetches a token from Azure Bot Service and points the page there.
/// </summary>
internal static class WebsiteTokenEndpoint
{
    public const string Path = "/api/directline/token";

    public static async Task<IResult> HandleAsync(
        HttpContext context,
        DirectLineTokenService tokens,
        AzureDirectLineTokenClient azure,
        IOptions<DirectLineOptions> options,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        // Tokens are per visitor and short-lived: no cache may keep or share them.
        context.Response.Headers.CacheControl = "no-store";
        var userId = Identifiers.NewUserId();
        if (!string.IsNullOrWhiteSpace(options.Value.Secret))
        {
            var fromAzure = await azure.GenerateAsync(userId, cancellationToken);
            return fromAzure is null
                ? DirectLineErrors.Error(StatusCodes.Status502BadGateway, "TokenServiceUnavailable",
                    "The chat service could not be reached. Please try again in a moment.")
                : Results.Json(new WebsiteToken(fromAzure.Token, fromAzure.ConversationId, fromAzure.ExpiresIn,
                    options.Value.AzureDomain.GetLeftPart(UriPartial.Path).TrimEnd('/')), DirectLineJson.Options);
        }
        var (token, grant) = tokens.Issue(Identifiers.NewConversationId(), userId);
        return Results.Json(new WebsiteToken(token, grant.ConversationId, ConversationEndpoints.ExpiresInSeconds(grant, time),
            PublicUrls.Domain(context.Request, options.Value)), DirectLineJson.Options);
    }

    internal sealed record WebsiteToken(
        string Token,
        string ConversationId,
        [property: JsonPropertyName("expires_in")] int ExpiresIn,
        string Domain);
}
