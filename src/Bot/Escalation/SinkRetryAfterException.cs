namespace Clinic.Bot.Escalation;

/// <summary>The receiver asked to be tried again later (HTTP 429/503 Retry-After). The message never holds personal data.</summary>
public sealed class SinkRetryAfterException(string message, TimeSpan retryAfter) : Exception(message)
{
    public TimeSpan RetryAfter { get; } = retryAfter < TimeSpan.Zero ? TimeSpan.Zero : retryAfter;
}
