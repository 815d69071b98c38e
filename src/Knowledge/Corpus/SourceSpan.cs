namespace Clinic.Knowledge.Corpus;

/// <summary>A sentence of cleaned text and the half-open character range it came from in the original file.</summary>
/// <param name="Text">The sentence with hard wraps rejoined and white space collapsed.</param>
/// <param name="Start">Offset of the first character in the original file.</param>
/// <param name="End">Offset one past the last character in the original file.</param>
public sealed record SourceSpan(string Text, int Start, int End);
