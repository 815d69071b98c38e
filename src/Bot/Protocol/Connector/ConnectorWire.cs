using System.Text.Json;

namespace Clinic.Bot.Protocol.Connector;

/// <summary>Wire details of the Connector REST API: URLs, Retry-After, backoff, resource responses.</summary>
internal static class ConnectorWire
{
    public static TimeSpan? RetryAfter(HttpResponseMessage response, TimeProvider time)
    {
        var header = response.Headers.RetryAfter;
        var wait = header?.Delta ?? (header?.Date is { } date ? date - time.GetUtcNow() : null);
        return wait is null ? null : wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
    }

    public static TimeSpan Backoff(int attempt, ConnectorRetryOptions retry)
    {
        var exponential = retry.BaseDelay.TotalMilliseconds * Math.Pow(2, attempt - 1);
        var capped = Math.Min(exponential, retry.MaxDelay.TotalMilliseconds);

        // "Equal jitter": half fixed, half random, so callers throttled together do not retry together.
        return TimeSpan.FromMilliseconds((capped / 2) + (Random.Shared.NextDouble() * capped / 2));
    }

    public static bool TryBuildUri(string serviceUrl, string relativePath, out Uri uri)
    {
        uri = null!;
        if (!Uri.TryCreate(serviceUrl, UriKind.Absolute, out var baseUri)
            || !LoopbackAddress.IsHttpsOrLoopbackHttp(baseUri)
            || baseUri.Query.Length > 0 || baseUri.Fragment.Length > 0)
        {
            return false;
        }

        return Uri.TryCreate(baseUri.GetLeftPart(UriPartial.Path).TrimEnd('/') + "/" + relativePath, UriKind.Absolute, out uri!);
    }

    public static ConnectorResult ReadResource(byte[] body, int status, bool createsConversation)
    {
        string? Read(JsonElement root, string name) =>
            root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return new ConnectorResult(string.Empty, ConnectorFailure.None, status, 0);
            }

            // ResourceResponse is {id}; ConversationResourceResponse is {id (the conversation), activityId, serviceUrl}.
            return createsConversation
                ? new ConnectorResult(string.Empty, ConnectorFailure.None, status, 0, Read(root, "activityId"), Read(root, "id"), Read(root, "serviceUrl"))
                : new ConnectorResult(string.Empty, ConnectorFailure.None, status, 0, Read(root, "id"));
        }
        catch (JsonException)
        {
            // Some channels answer 200/201 with no body; the activity was still accepted.
            return new ConnectorResult(string.Empty, ConnectorFailure.None, status, 0);
        }
    }
}
