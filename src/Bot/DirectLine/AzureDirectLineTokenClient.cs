using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Options;

namespace Clinic.Bot.DirectLine;

/// <summary>Exchanges the Direct Line secret for a single-conversation token at Azure Bot Service; the secret stays on the server.</summary>
internal sealed class AzureDirectLineTokenClient(HttpClient http, IOptions<DirectLineOptions> options, ILogger<AzureDirectLineTokenClient> logger)
{
    public sealed record AzureToken(string ConversationId, string Token, int ExpiresIn);

    /// <summary>Azure's token for a new conversation bound to <paramref name="userId"/>, or null when Azure could not be reached or refused.</summary>
    public async Task<AzureToken?> GenerateAsync(string userId, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, options.Value.AzureTokenEndpoint)
        {
            // Binding the user id into the token stops a visitor from posting as someone else.
            Content = JsonContent.Create(new { user = new { id = userId } }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", options.Value.Secret);
        try
        {
            using var response = await http.SendAsync(request, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                logger.LogError("Azure Direct Line refused to generate a token: HTTP {Status}", (int)response.StatusCode);
                return null;
            }
            var body = await response.Content.ReadFromJsonAsync<GenerateResponse>(cancellationToken);
            if (body is not { ConversationId: { Length: > 0 } conversationId, Token: { Length: > 0 } token })
            {
                logger.LogError("Azure Direct Line answered the token request without a token or conversation id");
                return null;
            }
            return new AzureToken(conversationId, token, body.ExpiresIn);
        }
        catch (Exception ex) when (ex is HttpRequestException or JsonException or NotSupportedException
                                       || (ex is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            logger.LogError(ex, "Could not reach Azure Direct Line at {Endpoint} to generate a token", options.Value.AzureTokenEndpoint);
            return null;
        }
    }

    private sealed record GenerateResponse(
        [property: JsonPropertyName("conversationId")] string? ConversationId,
        [property: JsonPropertyName("token")] string? Token,
        [property: JsonPropertyName("expires_in")] int ExpiresIn);
}
