using Clinic.Bot.Storage;

namespace Clinic.Bot.Escalation;

/// <summary>
/// Staff acknowledging or resolving an escalation, from Teams or the staff page: saves the status with an audit row,
/// then tells the listeners (the Teams card). Status only moves forward: a stale Acknowledge button never reopens a
/// resolved escalation.
/// </summary>
public sealed partial class EscalationStatusService(
    IEscalationStore store,
    IEnumerable<IEscalationStatusListener> listeners,
    TimeProvider time,
    ILogger<EscalationStatusService> logger)
{
    /// <param name="actor">Who did it, as the audit trail should show it.</param>
    /// <param name="source">Where it was done ("teams", "staff-page"), for the log.</param>
    public async Task<StatusUpdate> SetAsync(string escalationId, EscalationStatus status, string actor, string source, CancellationToken cancellationToken)
    {
        if (status == EscalationStatus.Open)
            throw new ArgumentOutOfRangeException(nameof(status), "Staff actions acknowledge or resolve.");
        var current = await store.GetEscalationAsync(escalationId, cancellationToken);
        if (current is null)
            return new StatusUpdate(StatusChangeResult.NotFound, null);
        if (current.Status >= status)
            return new StatusUpdate(StatusChangeResult.Unchanged, current);

        var result = await store.SetEscalationStatusAsync(escalationId, status, actor, time.GetUtcNow(), cancellationToken);
        var updated = await store.GetEscalationAsync(escalationId, cancellationToken);
        if (result == StatusChangeResult.Changed && updated is not null)
        {
            LogChanged(escalationId, status, source);
            foreach (var listener in listeners)
            {
                try
                {
                    await listener.OnStatusChangedAsync(updated, cancellationToken);
                }
                catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
                {
                    LogListenerFailed(escalationId, listener.GetType().Name, e.GetType().Name);
                }
            }
        }
        return new StatusUpdate(result, updated);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Escalation {EscalationId} set to {Status} by staff ({Source})")]
    private partial void LogChanged(string escalationId, EscalationStatus status, string source);

    [LoggerMessage(Level = LogLevel.Warning, Message = "After escalation {EscalationId} changed, {Listener} failed ({Error})")]
    private partial void LogListenerFailed(string escalationId, string listener, string error);
}
