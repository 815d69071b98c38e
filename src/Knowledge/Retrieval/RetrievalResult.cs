namespace Clinic.Knowledge.Retrieval;

/// <summary>The outcome of a search: the analysed question, its unit vector and the best passages, best first.</summary>
public sealed record RetrievalResult(AnalyzedQuery Query, float[] QueryVector, IReadOnlyList<RetrievedPassage> Passages);
