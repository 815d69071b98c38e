namespace Clinic.Knowledge.Resilience;

/// <summary>
/// What the health endpoint says about a remote service the bot can answer without: degraded while its circuit breaker
/// is open or since a recent call failed. Never unhealthy: the fallback still answers.
/// </summary>
/// <param name="time">The clock that dates failures.</param>
/// <param name="whileBreakerOpen">Why the bot is degraded while the breaker is open (for the health check).</param>
/// <param name="afterFailure">Why it is degraded after a failed call.</param>
public abstract class DependencyHealth(TimeProvider time, string whileBreakerOpen, string afterFailure)
{
    private readonly Lock _lock = new();
    private bool _breakerOpen;
    private DateTimeOffset? _lastFailure;
    private bool _lastCallFailed;

    /// <summary>Whether the breaker is open (calls are not being made).</summary>
    public bool BreakerOpen
    {
        get
        {
            lock (_lock)
                return _breakerOpen;
        }
    }

    internal void BreakerChanged(bool open)
    {
        lock (_lock)
            _breakerOpen = open;
    }

    internal void CallSucceeded()
    {
        lock (_lock)
            _lastCallFailed = false;
    }

    internal void CallFailed()
    {
        lock (_lock)
        {
            _lastCallFailed = true;
            _lastFailure = time.GetUtcNow();
        }
    }

    /// <summary>Null when healthy; otherwise why the fallback is answering for now.</summary>
    /// <param name="recent">How long a failed call counts as recent.</param>
    public virtual string? Degradation(TimeSpan recent)
    {
        lock (_lock)
        {
            if (_breakerOpen)
                return "circuit breaker open: " + whileBreakerOpen;
            if (_lastCallFailed && _lastFailure is { } at && time.GetUtcNow() - at < recent)
                return afterFailure;
            return null;
        }
    }
}
