namespace Clinic.Knowledge.Ingestion;

/// <summary>Identifies the cleaning, splitting and chunking rules, so a derived index can tell when it is stale.</summary>
public static class CleaningRules
{
    /// <summary>
    /// Changes whenever a rule, the sentence splitter or the chunk limits change. Include it in any cache key
    /// built from chunks.
    /// </summary>
    public static string Version => "ingestion-1";

    /// <summary>A chunk holds at most this many sentences (a list with its lead-in counts as one).</summary>
    internal const int MaxChunkUnits = 4;

    /// <summary>A chunk grows past its first sentence only while it stays within this many characters.</summary>
    internal const int MaxChunkChars = 500;

    /// <summary>A run of text without sentence ends is cut into pieces of at most this many characters.</summary>
    internal const int MaxSentenceChars = 600;

    /// <summary>A list and its lead-in stay in one chunk unless longer than this.</summary>
    internal const int MaxListChars = 900;
}
