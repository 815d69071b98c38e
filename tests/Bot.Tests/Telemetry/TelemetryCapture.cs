using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Clinic.Bot.Tests.Telemetry;

/// <summary>Every span (any source) and every metric measurement (any meter) in this process while it lives.</summary>
internal sealed class TelemetryCapture : IDisposable
{
    private readonly ActivityListener _spans;
    private readonly MeterListener _meters = new();

    public TelemetryCapture()
    {
        _spans = new ActivityListener
        {
            ShouldListenTo = _ => true,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = Spans.Enqueue,
        };
        ActivitySource.AddActivityListener(_spans);
        _meters.InstrumentPublished = (instrument, listener) => listener.EnableMeasurementEvents(instrument);
        _meters.SetMeasurementEventCallback<long>((i, v, t, _) => Record(i, v, t));
        _meters.SetMeasurementEventCallback<int>((i, v, t, _) => Record(i, v, t));
        _meters.SetMeasurementEventCallback<double>((i, v, t, _) => Record(i, v, t));
        _meters.Start();
    }

    public ConcurrentQueue<Activity> Spans { get; } = new();

    public ConcurrentQueue<Measured> Measurements { get; } = new();

    /// <summary>Asks every observable instrument (gauges) for its current value.</summary>
    public void Observe() => _meters.RecordObservableInstruments();

    /// <summary>Every tag key and value, span name, status and event of every span, and every metric tag, as text.</summary>
    public string AllText() => string.Join("\n",
        Spans.SelectMany(s => new[] { s.DisplayName, s.OperationName, s.StatusDescription ?? "" }
            .Concat(s.TagObjects.Select(t => $"{t.Key}={t.Value}"))
            .Concat(s.Events.SelectMany(e => e.Tags.Select(t => $"{e.Name} {t.Key}={t.Value}")))
            .Concat(s.Baggage.Select(b => $"{b.Key}={b.Value}")))
        .Concat(Measurements.SelectMany(m => m.Tags.Select(t => $"{m.Instrument}: {t.Key}={t.Value}"))));

    public void Dispose()
    {
        _spans.Dispose();
        _meters.Dispose();
    }

    private void Record<T>(Instrument instrument, T value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
        where T : struct =>
        Measurements.Enqueue(new Measured(instrument.Meter.Name, instrument.Name, Convert.ToDouble(value, System.Globalization.CultureInfo.InvariantCulture), tags.ToArray()));

    internal sealed record Measured(string Meter, string Instrument, double Value, KeyValuePair<string, object?>[] Tags)
    {
        public object? Tag(string key) => Tags.FirstOrDefault(t => t.Key == key).Value;
    }
}
