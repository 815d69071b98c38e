namespace Clinic.Knowledge.Resilience;

/// <summary>
/// Deadlines, retries and the circuit breaker for the calls a visitor waits on (sections <c>Knowledge:Generation</c>
/// and <c>Knowledge:Search</c>); <see cref="ResilientHttpClient"/> applies them.
/// </summary>
public abstract class ResilienceOptions
{
    /// <summary>The whole budget for one call, retries included; past it the visitor gets the fallback.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(2.5);

    /// <summary>The limit for one attempt, so a hung attempt leaves time for a retry.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Retries after a transient failure (429, 5xx, timeout), with jittered backoff honouring Retry-After.</summary>
    public int MaxRetries { get; set; } = 2;

    /// <summary>The first retry's delay; later ones grow exponentially.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>The share of failed calls within <see cref="BreakerSamplingDuration"/> that opens the circuit breaker.</summary>
    public double BreakerFailureRatio { get; set; } = 0.5;

    /// <summary>Calls needed within the sampling window before the breaker may open.</summary>
    public int BreakerMinimumThroughput { get; set; } = 4;

    /// <summary>The window the breaker measures failures over.</summary>
    public TimeSpan BreakerSamplingDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long the breaker stays open (fallback only, no calls) before it lets one call try.</summary>
    public TimeSpan BreakerBreakDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long a failed call keeps the health check at Degraded.</summary>
    public TimeSpan DegradedAfterFailure { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>What is out of range, each naming the setting under <paramref name="section"/> and its range.</summary>
    internal IEnumerable<string> Problems(string section)
    {
        const string See = " See appsettings.sample.json.";
        if (Timeout <= TimeSpan.Zero || Timeout > TimeSpan.FromSeconds(30))
            yield return $"{section}:Timeout must be between 0 and 30 seconds; it is the visitor's wait, so keep it under 3 s (00:00:02.5)." + See;
        if (AttemptTimeout <= TimeSpan.Zero || AttemptTimeout > Timeout)
            yield return $"{section}:AttemptTimeout must be positive and no longer than Timeout." + See;
        if (MaxRetries is < 0 or > 5 || RetryDelay < TimeSpan.Zero)
            yield return $"{section}:MaxRetries must be 0-5 and RetryDelay not negative." + See;
        if (BreakerFailureRatio is <= 0 or > 1 || BreakerMinimumThroughput < 2
            || BreakerSamplingDuration < TimeSpan.FromMilliseconds(500) || BreakerBreakDuration < TimeSpan.FromMilliseconds(500))
            yield return $"{section} breaker settings are out of range: BreakerFailureRatio in (0, 1], BreakerMinimumThroughput >= 2, durations >= 0.5 s." + See;
        if (DegradedAfterFailure < TimeSpan.Zero)
            yield return $"{section}:DegradedAfterFailure must not be negative." + See;
    }
}
