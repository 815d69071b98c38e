namespace Clinic.Bot.Escalation;

/// <summary>When a failed delivery is tried next: exponential with "equal jitter", or the receiver's Retry-After.</summary>
internal static class DeliveryBackoff
{
    public static TimeSpan After(int attempt, TimeSpan baseDelay, TimeSpan maxDelay)
    {
        var exponential = baseDelay.TotalMilliseconds * Math.Pow(2, Math.Clamp(attempt - 1, 0, 30));
        var capped = Math.Min(exponential, maxDelay.TotalMilliseconds);

        // Half fixed, half random: instances that failed together do not retry together.
        return TimeSpan.FromMilliseconds((capped / 2) + (Random.Shared.NextDouble() * capped / 2));
    }

    /// <summary>The receiver's wait, capped so a long Retry-After cannot park a crisis alert for hours.</summary>
    public static TimeSpan RetryAfter(TimeSpan requested, TimeSpan maxDelay) =>
        requested < TimeSpan.Zero ? TimeSpan.Zero : requested > maxDelay ? maxDelay : requested;
}
