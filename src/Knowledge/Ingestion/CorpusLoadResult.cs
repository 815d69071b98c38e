using Clinic.Knowledge.Corpus;

namespace Clinic.Knowledge.Ingestion;

/// <summary>The outcome of loading a corpus folder: what loaded, and what did not.</summary>
/// <param name="Documents">Cleaned documents, ordered by file name.</param>
/// <param name="Problems">Files skipped or empty after cleaning; the rest of the corpus still loads.</param>
public sealed record CorpusLoadResult(IReadOnlyList<CleanedDocument> Documents, IReadOnlyList<CorpusProblem> Problems);
