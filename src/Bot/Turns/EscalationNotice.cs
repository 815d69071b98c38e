using System.Text.Json.Serialization;

namespace Clinic.Bot.Turns;

/// <summary>That a turn raised an escalation to staff, and why.</summary>
/// <param name="Kind"><c>crisis</c> or <c>contraindication</c>.</param>
/// <param name="Reasons">The triage reason codes.</param>
public sealed record EscalationNotice(
    [property: JsonPropertyName("kind")] string Kind,
    [property: JsonPropertyName("reasons")] IReadOnlyList<string> Reasons);
