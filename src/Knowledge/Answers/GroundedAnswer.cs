using Clinic.Knowledge.Generation;

namespace Clinic.Knowledge.Answers;

/// <summary>An answer composed only of corpus sentences and fixed templates.</summary>
/// <param name="Text">What the visitor reads (Markdown-safe plain text).</param>
/// <param name="Answered">False when the corpus does not answer the question and the bot declined.</param>
/// <param name="Citations">Where each sentence comes from; empty when declined.</param>
/// <param name="Disclaimers">Fixed disclaimers that apply to this answer.</param>
/// <param name="Decline">Why the bot declined, or null when it answered.</param>
/// <param name="Confidence">The best cosine similarity the answer rests on (0-1), for logs and evaluation.</param>
/// <param name="Coverage">The IDF-weighted share of the question's words the best passage contains (0-1).</param>
/// <param name="Kind">Whether corpus sentences or a verified model answer make the text.</param>
/// <param name="Generation">What became of the model's attempt; null when generation is off or was not tried.</param>
public sealed record GroundedAnswer(
    string Text,
    bool Answered,
    IReadOnlyList<Citation> Citations,
    IReadOnlyList<string> Disclaimers,
    DeclineReason? Decline,
    double Confidence,
    double Coverage = 0,
    AnswerKind Kind = AnswerKind.Extractive,
    GenerationOutcome? Generation = null);
