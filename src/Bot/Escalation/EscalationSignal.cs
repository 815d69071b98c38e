namespace Clinic.Bot.Escalation;

/// <summary>An auto-reset wake-up: any number of notifications before the dispatcher waits count as one.</summary>
internal sealed class EscalationSignal : IEscalationSignal
{
    private readonly SemaphoreSlim _wake = new(0, 1);

    public void Notify()
    {
        try
        {
            _wake.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already signalled: the dispatcher will look once for all of them.
        }
    }

    /// <summary>True when woken, false when <paramref name="timeout"/> passed first.</summary>
    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => _wake.WaitAsync(timeout, cancellationToken);
}
