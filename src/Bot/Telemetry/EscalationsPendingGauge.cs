using System.Diagnostics.Metrics;
using Clinic.Bot.Storage;
using Microsoft.Extensions.Options;

namespace Clinic.Bot.Telemetry;

/// <summary>
/// <c>clinic.bot.escalations.pending</c>: outbox deliveries still to be sent. Observed by the exporter on its own
/// schedule; the store is asked at most once per <see cref="TelemetryOptions.PendingRefreshInterval"/>, in the
/// background, so an observation never waits for the database. Nothing is reported until the first answer.
/// </summary>
internal sealed class EscalationsPendingGauge
{
    private readonly IEscalationStore _store;
    private readonly TimeProvider _time;
    private readonly TimeSpan _interval;
    private long _pending = -1;
    private long _askedAt;
    private int _asking;

    public EscalationsPendingGauge(BotTelemetry telemetry, IEscalationStore store, TimeProvider time, IOptions<TelemetryOptions> options)
    {
        _store = store;
        _time = time;
        _interval = options.Value.PendingRefreshInterval;
        telemetry.Meter.CreateObservableGauge("clinic.bot.escalations.pending", Observe, "{delivery}", "Escalation deliveries waiting to be sent to staff (all instances).");
    }

    private IEnumerable<Measurement<long>> Observe()
    {
        var now = _time.GetTimestamp();
        var stale = Volatile.Read(ref _pending) < 0 || _time.GetElapsedTime(Volatile.Read(ref _askedAt), now) >= _interval;
        if (stale && Interlocked.CompareExchange(ref _asking, 1, 0) == 0)
            _ = RefreshAsync(now);
        var pending = Volatile.Read(ref _pending);
        return pending < 0 ? [] : [new Measurement<long>(pending)];
    }

    private async Task RefreshAsync(long now)
    {
        try
        {
            Volatile.Write(ref _pending, await _store.PendingCountAsync());
            Volatile.Write(ref _askedAt, now);
        }
        catch (StoreUnavailableException)
        {
            // The outage shows in /readyz and the dispatcher's log; the gauge keeps its last figure.
        }
        finally
        {
            Volatile.Write(ref _asking, 0);
        }
    }
}
