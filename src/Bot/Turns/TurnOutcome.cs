using System.Text.Json.Serialization;
using Clinic.Bot.Safety;
using Clinic.Knowledge.Answers;

namespace Clinic.Bot.Turns;

/// <summary>What one turn produced; its JSON is the stable contract of <c>ask --json</c>.</summary>
public sealed record TurnOutcome(
    [property: JsonPropertyName("question")] string Question,
    [property: JsonPropertyName("answer")] string Answer,
    [property: JsonPropertyName("answered")] bool Answered,
    [property: JsonPropertyName("citations")] IReadOnlyList<Citation> Citations,
    [property: JsonPropertyName("disclaimers")] IReadOnlyList<string> Disclaimers,
    [property: JsonPropertyName("escalation")] EscalationNotice? Escalation)
{
    /// <summary>Why the answer was declined, for the dialog (not part of the JSON contract).</summary>
    [JsonIgnore]
    public DeclineReason? Decline { get; init; }

    /// <summary>The triage of this message on its own.</summary>
    [JsonIgnore]
    public TriageResult Triage { get; init; } = new(TriageLevel.None, []);
}
