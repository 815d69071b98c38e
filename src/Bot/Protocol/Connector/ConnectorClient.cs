using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Clinic.Bot.Protocol.Connector;

/// <summary>
/// The Bot Connector REST API (v3 conversations) over a typed HttpClient. Retries never duplicate a message:
/// a POST is retried only after 429 (not processed) or when the connection failed before the request went out;
/// the idempotent PUT is also retried after 5xx, timeouts and broken connections, with exponential backoff and jitter.
/// </summary>
public sealed class ConnectorClient(
    HttpClient httpClient,
    IBotTokenProvider tokens,
    IOptions<BotOptions> options,
    TimeProvider time,
    ILogger<ConnectorClient> logger)
{
    /// <summary>POST {serviceUrl}/v3/conversations/{conversationId}/activities: a new message in the conversation.</summary>
    public Task<ConnectorResult> SendToConversationAsync(string serviceUrl, string conversationId, Activity activity, CancellationToken cancellationToken) =>
        CallAsync(HttpMethod.Post, serviceUrl, Path(conversationId), activity, idempotent: false, createsConversation: false, cancellationToken);

    /// <summary>POST {serviceUrl}/v3/conversations/{conversationId}/activities/{replyToId}: a reply (threaded where the channel threads).</summary>
    public Task<ConnectorResult> ReplyToActivityAsync(string serviceUrl, string conversationId, string replyToId, Activity activity, CancellationToken cancellationToken) =>
        CallAsync(HttpMethod.Post, serviceUrl, Path(conversationId, replyToId), activity, idempotent: false, createsConversation: false, cancellationToken);

    /// <summary>PUT {serviceUrl}/v3/conversations/{conversationId}/activities/{activityId}: replaces an activity sent earlier.</summary>
    public Task<ConnectorResult> UpdateActivityAsync(string serviceUrl, string conversationId, string activityId, Activity activity, CancellationToken cancellationToken) =>
        CallAsync(HttpMethod.Put, serviceUrl, Path(conversationId, activityId), activity, idempotent: true, createsConversation: false, cancellationToken);

    /// <summary>POST {serviceUrl}/v3/conversations: starts a conversation (proactive message). The result carries the new conversation id.</summary>
    public Task<ConnectorResult> CreateConversationAsync(string serviceUrl, ConversationParameters parameters, CancellationToken cancellationToken) =>
        CallAsync(HttpMethod.Post, serviceUrl, "v3/conversations", parameters, idempotent: false, createsConversation: true, cancellationToken);

    private static string? Path(string conversationId, string? activityId = null)
    {
        if (string.IsNullOrEmpty(conversationId) || activityId is { Length: 0 })
        {
            return null;
        }

        // Ids are opaque and carry ':', ';', '@', '=' (Teams threads): always one escaped path segment each.
        var path = "v3/conversations/" + Uri.EscapeDataString(conversationId) + "/activities";
        return activityId is null ? path : path + "/" + Uri.EscapeDataString(activityId);
    }

    private async Task<ConnectorResult> CallAsync<T>(HttpMethod method, string serviceUrl, string? relativePath, T body, bool idempotent, bool createsConversation, CancellationToken cancellationToken)
    {
        var outboundId = Guid.NewGuid().ToString("N");
        if (relativePath is null || !ConnectorWire.TryBuildUri(serviceUrl, relativePath, out var uri))
        {
            logger.LogWarning("Connector call {OutboundId} not sent: invalid serviceUrl or id", outboundId);
            return new ConnectorResult(outboundId, ConnectorFailure.InvalidRequest, null, 0);
        }

        var payload = ProtocolJson.Serialize(body);
        var retry = options.Value.Connector;
        var retriedUnauthorized = false;
        for (var attempt = 1; ; attempt++)
        {
            string? token;
            try
            {
                token = await tokens.GetTokenAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError("Connector call {OutboundId} not sent: no token ({Error})", outboundId, ex.GetType().Name);
                return new ConnectorResult(outboundId, ConnectorFailure.TokenUnavailable, null, attempt);
            }

            var outcome = await SendOnceAsync(method, uri, payload, token, idempotent, createsConversation, attempt, retry, cancellationToken).ConfigureAwait(false);
            if (outcome.Result is { } done)
            {
                logger.LogDebug("Connector call {OutboundId} {Method} succeeded on attempt {Attempt}", outboundId, method, attempt);
                return done with { OutboundId = outboundId, Attempts = attempt };
            }

            var delay = outcome.RetryAfter;
            if (outcome.Status == (int)HttpStatusCode.Unauthorized && token is not null && !retriedUnauthorized)
            {
                // A 401 was not processed; one retry with a fresh token covers a token revoked or rotated early.
                tokens.Invalidate(token);
                retriedUnauthorized = true;
                delay = TimeSpan.Zero;
            }

            if (delay is null || attempt >= retry.MaxAttempts)
            {
                logger.LogWarning("Connector call {OutboundId} {Method} failed: {Failure} (HTTP {Status}) after {Attempts} attempt(s)",
                    outboundId, method, outcome.Failure, outcome.Status, attempt);
                return new ConnectorResult(outboundId, outcome.Failure, outcome.Status, attempt);
            }

            logger.LogInformation("Connector call {OutboundId} {Method}: {Failure} (HTTP {Status}) on attempt {Attempt}; retrying in {Delay}",
                outboundId, method, outcome.Failure, outcome.Status, attempt, delay.Value);
            await Task.Delay(delay.Value, time, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<Outcome> SendOnceAsync(HttpMethod method, Uri uri, byte[] payload, string? token, bool idempotent, bool createsConversation, int attempt, ConnectorRetryOptions retry, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, uri) { Content = new ByteArrayContent(payload) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        try
        {
            using var response = await httpClient.SendAsync(request, cancellationToken).ConfigureAwait(false);
            var status = (int)response.StatusCode;
            if (response.IsSuccessStatusCode)
            {
                var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
                return new Outcome(ConnectorFailure.None, status, null, ConnectorWire.ReadResource(bytes, status, createsConversation));
            }

            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                // The connector did not process a throttled request, so even a POST may be sent again.
                var wait = ConnectorWire.RetryAfter(response, time) ?? ConnectorWire.Backoff(attempt, retry);
                return new Outcome(ConnectorFailure.Throttled, status, wait <= retry.MaxRetryAfter ? wait : null);
            }

            if (status >= 500 || response.StatusCode == HttpStatusCode.RequestTimeout)
            {
                var wait = idempotent ? ConnectorWire.RetryAfter(response, time) ?? ConnectorWire.Backoff(attempt, retry) : (TimeSpan?)null;
                return new Outcome(ConnectorFailure.ServerError, status, wait <= retry.MaxRetryAfter ? wait : null);
            }

            return new Outcome(ConnectorFailure.Rejected, status, null);
        }
        catch (HttpRequestException ex) when (!cancellationToken.IsCancellationRequested)
        {
            // These errors happen before a byte of the request is written, so a retry cannot duplicate.
            var notSent = ex.HttpRequestError is HttpRequestError.NameResolutionError or HttpRequestError.ConnectionError or HttpRequestError.SecureConnectionError;
            return new Outcome(ConnectorFailure.Unreachable, null, notSent || idempotent ? ConnectorWire.Backoff(attempt, retry) : null);
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // HttpClient.Timeout: the request may have been processed.
            return new Outcome(ConnectorFailure.TimedOut, null, idempotent ? ConnectorWire.Backoff(attempt, retry) : null);
        }
    }

    private sealed record Outcome(ConnectorFailure Failure, int? Status, TimeSpan? RetryAfter, ConnectorResult? Result = null);
}
