namespace Clinic.Knowledge.Retrieval;

/// <summary>A question as retrieval sees it.</summary>
/// <param name="Text">The question as asked.</param>
/// <param name="Terms">The visitor's own terms, spelling-corrected and stemmed.</param>
/// <param name="Expansions">Synonym terms added from the domain table.</param>
/// <param name="Corrections">Words that were corrected, as (typed, corrected).</param>
public sealed record AnalyzedQuery(
    string Text, IReadOnlyList<string> Terms, IReadOnlyList<string> Expansions, IReadOnlyList<(string Typed, string Corrected)> Corrections)
{
    /// <summary>
    /// Terms the corpus does not use that name no topic: words that are mainly verbs ("kick in", "quit") and numbers
    /// ("12 weeks"). A missing one weighs less than a missing noun when deciding whether the corpus answers.
    /// </summary>
    public IReadOnlySet<string> MinorTerms { get; init; } = new HashSet<string>();
}
