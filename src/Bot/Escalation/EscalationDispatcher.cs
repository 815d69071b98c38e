using Clinic.Bot.Storage;
using Microsoft.Extensions.Options;

namespace Clinic.Bot.Escalation;

/// <summary>
/// Sends the escalation outbox to staff, on every instance. Deliveries are claimed with a lease, so instances never
/// send the same one at the same time; one that dies mid-send leaves a lease that expires, and the delivery is sent
/// again (sinks deduplicate by escalation id). Crisis escalations nobody acknowledged are sent again. A database
/// outage is logged and waited out; nothing here stops the host.
/// </summary>
internal sealed partial class EscalationDispatcher(
    IEscalationStore store,
    IEnumerable<IEscalationSink> sinks,
    EscalationSignal signal,
    CrisisReminders reminders,
    IOptions<EscalationOptions> options,
    TimeProvider time,
    ILogger<EscalationDispatcher> logger) : BackgroundService
{
    private readonly Dictionary<string, IEscalationSink> _sinks = sinks.ToDictionary(s => s.Name, StringComparer.Ordinal);
    private readonly string _workerId = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid().ToString("N")[..8]}";
    private DateTimeOffset _nextCrisisCheck = DateTimeOffset.MinValue;
    private int _crisisChecks;

    /// <summary>Completed looks for unacknowledged crises, for tests that must know one has happened.</summary>
    internal int CrisisChecks => Volatile.Read(ref _crisisChecks);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var o = options.Value;
        if (_sinks.Count == 0)
            LogNoSinks();
        if (o.StartDelay > TimeSpan.Zero)
            await Task.Delay(o.StartDelay, time, stoppingToken);

        var storeFailures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            TimeSpan wait;
            try
            {
                var busy = await RunOnceAsync(stoppingToken);
                storeFailures = 0;
                wait = busy ? TimeSpan.Zero : o.PollInterval;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                storeFailures++;
                wait = DeliveryBackoff.After(storeFailures, o.PollInterval, o.StoreRetryMaxDelay > o.PollInterval ? o.StoreRetryMaxDelay : o.PollInterval);
                // The store's messages hold no personal data; other faults are logged by type only.
                LogStoreFailure(storeFailures, wait, e is StoreUnavailableException ? e.Message : e.GetType().FullName!);
            }

            if (wait > TimeSpan.Zero)
            {
                try
                {
                    await signal.WaitAsync(wait, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    /// <summary>One look: crisis reminders when due, then one batch. True when there may be more to do at once.</summary>
    internal async Task<bool> RunOnceAsync(CancellationToken cancellationToken)
    {
        var o = options.Value;
        var now = time.GetUtcNow();
        var rescheduled = false;
        if (now >= _nextCrisisCheck)
        {
            rescheduled = await reminders.ScheduleAsync(now, _sinks.Keys, cancellationToken);
            _nextCrisisCheck = now + o.CrisisCheckInterval;
            Interlocked.Increment(ref _crisisChecks);
        }

        var claimed = await store.ClaimDueDeliveriesAsync(_workerId, o.BatchSize, o.Lease, now, cancellationToken);
        await Task.WhenAll(claimed.Select(c => DeliverAsync(c, cancellationToken)));
        return rescheduled || claimed.Count == o.BatchSize;
    }

    private async Task DeliverAsync(ClaimedDelivery claim, CancellationToken stoppingToken)
    {
        var o = options.Value;
        var id = claim.Escalation.Id;
        if (!_sinks.TryGetValue(claim.Sink, out var sink))
        {
            // Another instance (or a later configuration) may have this sink: leave it for them, within the attempt limit.
            LogUnknownSink(id, claim.Sink);
            await FailAsync(claim, "sink not configured on this instance", DeliveryBackoff.After(claim.Attempts, o.RetryBaseDelay, o.RetryMaxDelay));
            return;
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        timeout.CancelAfter(o.DeliveryTimeout);
        string? externalId;
        try
        {
            externalId = await sink.DeliverAsync(claim.Escalation, timeout.Token);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            await FailAsync(claim, "interrupted by shutdown", TimeSpan.Zero, countsAsAttempt: false);
            return;
        }
        catch (SinkRejectedException e)
        {
            await FailAsync(claim, e.Message, null);
            return;
        }
        catch (SinkRetryAfterException e)
        {
            await FailAsync(claim, e.Message, DeliveryBackoff.RetryAfter(e.RetryAfter, o.RetryMaxDelay));
            return;
        }
        catch (Exception e)
        {
            var reason = e is OperationCanceledException ? $"no answer within {o.DeliveryTimeout}" : SafeReason(e);
            await FailAsync(claim, reason, DeliveryBackoff.After(claim.Attempts, o.RetryBaseDelay, o.RetryMaxDelay));
            return;
        }

        try
        {
            await store.MarkDeliveredAsync(id, claim.Sink, externalId, time.GetUtcNow(), CancellationToken.None);
            LogDelivered(id, claim.Sink, claim.Attempts);
        }
        catch (Exception e)
        {
            // The alert went out but is not recorded: when the lease expires it is sent again and the sink deduplicates.
            LogMarkFailed(id, claim.Sink, e.GetType().Name);
        }
    }

    private async Task FailAsync(ClaimedDelivery claim, string reason, TimeSpan? retryIn, bool countsAsAttempt = true)
    {
        var o = options.Value;
        var giveUp = retryIn is null || (countsAsAttempt && claim.Attempts >= o.MaxAttempts);
        var next = giveUp ? (DateTimeOffset?)null : time.GetUtcNow() + retryIn!.Value;
        try
        {
            await store.MarkFailedAsync(claim.Escalation.Id, claim.Sink, Truncate(reason), next, CancellationToken.None);
        }
        catch (Exception e)
        {
            // Not recorded: the lease expires and the delivery is claimed again.
            LogMarkFailed(claim.Escalation.Id, claim.Sink, e.GetType().Name);
        }

        if (giveUp)
            LogGaveUp(claim.Escalation.Id, claim.Escalation.Kind, claim.Sink, claim.Attempts, reason);
        else
            LogRetry(claim.Escalation.Id, claim.Sink, claim.Attempts, reason, retryIn!.Value);
    }

    // Exception messages from libraries can quote addresses or responses; our sink exceptions are written to be safe.
    private static string SafeReason(Exception e) => e switch
    {
        SinkTransientException or SinkRetryAfterException or SinkRejectedException => e.Message,
        _ => e.GetType().Name,
    };

    private static string Truncate(string value) => value.Length <= 300 ? value : value[..300];
}
