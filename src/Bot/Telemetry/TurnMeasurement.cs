using System.Diagnostics;
using Clinic.Bot.Dialog;

namespace Clinic.Bot.Telemetry;

/// <summary>One turn's span and latency; disposing ends the span and records the duration with the result.</summary>
public sealed class TurnMeasurement : IDisposable
{
    private readonly BotTelemetry _telemetry;
    private readonly TimeProvider _time;
    private readonly string? _channelId;
    private readonly long _started;
    private readonly Activity? _span;
    private string _result = "cancelled";

    internal TurnMeasurement(BotTelemetry telemetry, TimeProvider time, string? channelId, string? activityType)
    {
        _telemetry = telemetry;
        _time = time;
        _channelId = channelId;
        _started = time.GetTimestamp();
        _span = BotTelemetry.StartTurn(channelId, activityType);
    }

    /// <summary>The turn was stored and its replies sent.</summary>
    public void Saved(DialogTurn turn, int attempts)
    {
        _result = "saved";
        if (_span is null)
            return;
        _span.SetTag(TurnTags.Attempts, attempts);
        _span.SetTag(TurnTags.Escalations, turn.Escalations.Count == 0 ? "none" : string.Join(",", turn.Escalations.Select(e => e.Kind).Order()));
        if (turn.Replies.FirstOrDefault(r => r.Outcome is not null)?.Outcome is { } outcome)
        {
            _span.SetTag(TurnTags.TriageLevel, BotTelemetry.Level(outcome.Triage.Level));
            _span.SetTag(TurnTags.Answered, outcome.Answered);
            if (outcome.Decline is { } reason)
                _span.SetTag(TurnTags.DeclineReason, reason.ToString().ToLowerInvariant());
        }
    }

    /// <summary>The turn failed: "unavailable" when the store was down, otherwise "failed". Only the exception's type is recorded.</summary>
    public void Failed(string result, Exception exception)
    {
        _result = result;
        _span?.SetStatus(ActivityStatusCode.Error, exception.GetType().Name);
    }

    public void Dispose()
    {
        _span?.SetTag(TurnTags.Result, _result);
        _span?.Dispose();
        _telemetry.RecordTurn(_channelId, _result, _time.GetElapsedTime(_started));
    }
}
