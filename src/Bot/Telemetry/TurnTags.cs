namespace Clinic.Bot.Telemetry;

/// <summary>The only tag names the app's spans and instruments use.</summary>
public static class TurnTags
{
    public const string Channel = "clinic.channel";
    public const string ActivityType = "clinic.activity.type";
    public const string TriageLevel = "clinic.triage.level";
    public const string Answered = "clinic.answered";
    public const string DeclineReason = "clinic.decline.reason";
    public const string Escalations = "clinic.escalations";
    public const string Attempts = "clinic.turn.attempts";
    public const string Result = "clinic.turn.result";
}
