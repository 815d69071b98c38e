using System.Text.Json.Serialization;

namespace Clinic.Bot.Cli;

/// <summary>One line of an evaluation file: a question with evidence, or (with <c>label</c>) a labelled safety utterance.</summary>
internal sealed record EvalItem(
    [property: JsonPropertyName("question")] string? Question,
    [property: JsonPropertyName("evidence")] IReadOnlyList<string>? Evidence,
    [property: JsonPropertyName("sources")] IReadOnlyList<string>? Sources,
    [property: JsonPropertyName("answerable")] bool? Answerable,
    [property: JsonPropertyName("topic")] string? Topic,
    [property: JsonPropertyName("text")] string? Text,
    [property: JsonPropertyName("label")] string? Label)
{
    public bool IsAnswerable => Answerable ?? ((Evidence?.Count ?? 0) > 0 || (Sources?.Count ?? 0) > 0);
}
