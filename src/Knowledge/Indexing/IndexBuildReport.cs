namespace Clinic.Knowledge.Indexing;

/// <summary>What loading or building the index did, for the <c>index</c> command and the start-up log.</summary>
/// <param name="Outcome">Loaded (from the file), Built (no file), Rebuilt (file stale or corrupt).</param>
/// <param name="Reason">Why it was (re)built, or empty when loaded.</param>
/// <param name="Documents">Documents indexed.</param>
/// <param name="Chunks">Chunks indexed.</param>
/// <param name="Sentences">Unique sentences embedded.</param>
/// <param name="Elapsed">Wall time of the whole load or build.</param>
/// <param name="Problems">Documents that could not be read, with why.</param>
public sealed record IndexBuildReport(
    string Outcome, string Reason, int Documents, int Chunks, int Sentences, TimeSpan Elapsed, IReadOnlyList<string> Problems);
