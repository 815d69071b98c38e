using Clinic.Knowledge.Indexing;
using Clinic.Knowledge.Retrieval;

namespace Clinic.Knowledge.Answers;

/// <summary>How much each query term matters (IDF), and how much of the question a piece of text covers.</summary>
internal sealed class QueryWeights
{
    private readonly Dictionary<string, double> _original = new(StringComparer.Ordinal);
    private readonly Dictionary<string, double> _expansion = new(StringComparer.Ordinal);

    private QueryWeights() { }

    public double OriginalTotal { get; private set; }

    public static QueryWeights For(KnowledgeIndex index, AnalyzedQuery query, double minorWeight)
    {
        var weights = new QueryWeights();
        // A word the corpus never uses weighs as much as the rarest word it does: asking about it is asking about something absent.
        var unknownIdf = Math.Log(1 + (index.Bm25.DocumentCount + 0.5) / 0.5);
        foreach (var term in query.Terms.Distinct())
            weights._original[term] = index.Bm25.Contains(term) ? index.Bm25.Idf(term)
                : query.MinorTerms.Contains(term) ? unknownIdf * minorWeight : unknownIdf;
        foreach (var term in query.Expansions.Distinct())
        {
            if (index.Bm25.Contains(term))
                weights._expansion[term] = index.Bm25.Idf(term) * 0.5;
        }
        weights.OriginalTotal = weights._original.Values.Sum();
        return weights;
    }

    /// <summary>The share of the question's weight that <paramref name="terms"/> contain; synonyms can stand in for missing words.</summary>
    public double Coverage(IEnumerable<string> terms)
    {
        if (OriginalTotal <= 0)
            return 0;
        var set = terms as IReadOnlySet<string> ?? new HashSet<string>(terms, StringComparer.Ordinal);
        double covered = 0, missing = 0, synonyms = 0;
        foreach (var (term, idf) in _original)
        {
            if (set.Contains(term))
                covered += idf;
            else
                missing += idf;
        }
        foreach (var (term, w) in _expansion)
        {
            if (set.Contains(term))
                synonyms += w;
        }
        return (covered + Math.Min(synonyms, missing)) / OriginalTotal;
    }
}
