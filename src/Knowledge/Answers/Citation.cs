namespace Clinic.Knowledge.Answers;

/// <summary>Where a sentence of an answer comes from.</summary>
/// <param name="Source">The document id (file name).</param>
/// <param name="Title">The document title.</param>
/// <param name="Section">The section heading.</param>
/// <param name="Quote">The exact text of the original file at the cited offsets.</param>
public sealed record Citation(string Source, string Title, string Section, string Quote);
