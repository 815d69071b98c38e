using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Clinic.Bot.Storage;
using Microsoft.Extensions.Options;

namespace Clinic.Bot.Escalation.Webhook;

/// <summary>
/// POSTs each alert as signed JSON. The Idempotency-Key is the escalation id (a reminder gets the id plus a
/// reminder suffix), so a receiver that honours it turns every retry into one alert.
/// 2xx: delivered; 408, 429 and 5xx: retried (Retry-After honoured); any other status: given up.
/// </summary>
internal sealed class WebhookSink(IHttpClientFactory clients, IOptions<EscalationOptions> options, TimeProvider time) : IEscalationSink
{
    public const string SinkName = "webhook";
    public const string HttpClientName = "Clinic.Bot.EscalationWebhook";

    public string Name => SinkName;

    public async Task<string?> DeliverAsync(EscalationRecord escalation, CancellationToken cancellationToken)
    {
        var settings = options.Value.Webhook;
        var content = EscalationContent.From(escalation, Name);
        var now = time.GetUtcNow();
        var body = JsonSerializer.SerializeToUtf8Bytes(new WebhookPayload(
            content.Id, content.Kind, content.Priority, content.Reasons, content.TriggeringText, content.TranscriptExcerpt,
            content.HasContact ? new WebhookContact(content.ContactPhone, content.ContactEmail) : null,
            content.CreatedAt, content.ConversationId, content.IsReminder, now));
        var key = EscalationContent.ReminderKey(escalation, Name) is { } reminder ? $"{content.Id}:{reminder}" : content.Id;

        using var request = new HttpRequestMessage(HttpMethod.Post, settings.Url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        request.Headers.Add(WebhookSignature.SignatureHeader, WebhookSignature.Compute(settings.Secret!, body));
        request.Headers.Add(WebhookSignature.TimestampHeader, now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture));
        request.Headers.Add(WebhookSignature.IdempotencyHeader, key);

        HttpResponseMessage response;
        try
        {
            response = await clients.CreateClient(HttpClientName).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        }
        catch (TaskCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new SinkTransientException($"webhook did not answer within {options.Value.Webhook.Timeout}", e);
        }
        catch (HttpRequestException e)
        {
            throw new SinkTransientException($"webhook unreachable ({e.HttpRequestError})", e);
        }

        using (response)
        {
            var status = (int)response.StatusCode;
            if (response.IsSuccessStatusCode)
                return null;
            if (response.StatusCode is HttpStatusCode.TooManyRequests or HttpStatusCode.RequestTimeout || status >= 500)
            {
                var header = response.Headers.RetryAfter;
                var wait = header?.Delta ?? (header?.Date is { } date ? date - time.GetUtcNow() : null);
                throw wait is { } retryAfter
                    ? new SinkRetryAfterException($"webhook answered HTTP {status} with Retry-After", retryAfter)
                    : new SinkTransientException($"webhook answered HTTP {status}");
            }

            throw new SinkRejectedException($"webhook refused the alert with HTTP {status}; check Escalation:Webhook:Url and Escalation:Webhook:Secret against the receiver");
        }
    }
}
