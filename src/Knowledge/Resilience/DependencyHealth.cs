namespace Clinic.Knowledge.Generation;

/// <summary>
/// What the health endpoint says about the model: degraded while the circuit breaker is open or since a recent call
/// failed. Never unhealthy: without the model the bot still answers, extractively.
/// </summary>
public sealed class GenerationHealth(TimeProvider time)
{
    private readonly Lock _lock = new();
    private bool _breakerOpen;
    private DateTimeOffset? _lastFailure;
    private bool _lastCallFailed;

    /// <summary>A health tracker on the system clock.</summary>
    public GenerationHealth() : this(TimeProvider.System)
    {
    }

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

    /// <summary>Null when healthy; otherwise why answers are extractive for now.</summary>
    /// <param name="recent">How long a failed call counts as recent.</param>
    public string? Degradation(TimeSpan recent)
    {
        lock (_lock)
        {
            if (_breakerOpen)
                return "circuit breaker open: answering extractively until the model recovers";
            if (_lastCallFailed && _lastFailure is { } at && time.GetUtcNow() - at < recent)
                return "the last call to the model failed: answering extractively";
            return null;
        }
    }
}
