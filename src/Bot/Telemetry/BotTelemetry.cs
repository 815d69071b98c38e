using System.Diagnostics;
using System.Diagnostics.Metrics;
using Clinic.Bot.Safety;
using Clinic.Knowledge.Answers;

namespace Clinic.Bot.Telemetry;

/// <summary>
/// The app's own spans and instruments, all named <see cref="Name"/>. Tags are closed sets (channel, activity type,
/// triage level, decline reason, result), never what a visitor wrote or anything taken from it.
/// </summary>
public sealed class BotTelemetry
{
    public const string Name = "Clinic.Bot";

    internal static readonly ActivitySource Source = new(Name);

    private readonly Histogram<double> _turnDuration;
    private readonly Counter<long> _triage;
    private readonly Counter<long> _answers;
    private readonly Counter<long> _declined;

    public BotTelemetry(IMeterFactory meters)
    {
        Meter = meters.Create(Name);
        _turnDuration = Meter.CreateHistogram<double>("clinic.bot.turn.duration", "s", "Time from a visitor's activity to the turn's replies being sent.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10] });
        _triage = Meter.CreateCounter<long>("clinic.bot.triage.outcomes", "{message}", "Visitor messages by safety triage level.");
        _answers = Meter.CreateCounter<long>("clinic.bot.answers", "{answer}", "Questions that went to retrieval, answered or declined.");
        _declined = Meter.CreateCounter<long>("clinic.bot.answers.declined", "{answer}", "Questions the bot declined to answer, by reason; divide by clinic.bot.answers for the rate.");
    }

    /// <summary>The meter, for instruments another part adds (the escalations-pending gauge).</summary>
    public Meter Meter { get; }

    /// <summary>Starts timing one turn, with its span.</summary>
    public TurnMeasurement MeasureTurn(TimeProvider time, string? channelId, string? activityType) => new(this, time, channelId, activityType);

    /// <summary>A span for one turn; tag it with <see cref="TurnTags"/> only.</summary>
    internal static Activity? StartTurn(string? channelId, string? activityType)
    {
        var span = Source.StartActivity("bot.turn", ActivityKind.Internal);
        span?.SetTag(TurnTags.Channel, Closed(channelId));
        span?.SetTag(TurnTags.ActivityType, Closed(activityType));
        return span;
    }

    public void RecordTurn(string? channelId, string result, TimeSpan elapsed) =>
        _turnDuration.Record(elapsed.TotalSeconds, new(TurnTags.Channel, Closed(channelId)), new(TurnTags.Result, result));

    public void RecordTriage(TriageLevel level) => _triage.Add(1, new KeyValuePair<string, object?>(TurnTags.TriageLevel, Level(level)));

    public void RecordAnswer(bool answered, DeclineReason? reason)
    {
        _answers.Add(1, new KeyValuePair<string, object?>(TurnTags.Answered, answered));
        if (!answered)
            _declined.Add(1, new KeyValuePair<string, object?>(TurnTags.DeclineReason, reason?.ToString().ToLowerInvariant() ?? "unknown"));
    }

    public static string Level(TriageLevel level) => level.ToString().ToLowerInvariant();

    // Channel ids and activity types come from the request body: only short ids pass, so a crafted value cannot carry text.
    private static string Closed(string? value) =>
        value is { Length: > 0 and <= 32 } && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.') ? value : "other";
}
