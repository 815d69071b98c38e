namespace Clinic.Knowledge.Retrieval;

/// <summary>Okapi BM25 over a fixed set of documents (the chunks), with weighted query terms.</summary>
internal sealed class Bm25Index
{
    private const double K1 = 1.2;
    private const double B = 0.75;

    private readonly Dictionary<string, List<(int Doc, int Count)>> _postings = new(StringComparer.Ordinal);
    private readonly int[] _lengths;
    private readonly double _averageLength;

    public Bm25Index(IReadOnlyList<IReadOnlyList<string>> documents)
    {
        _lengths = new int[documents.Count];
        for (var d = 0; d < documents.Count; d++)
        {
            _lengths[d] = documents[d].Count;
            foreach (var group in documents[d].GroupBy(t => t, StringComparer.Ordinal))
            {
                if (!_postings.TryGetValue(group.Key, out var list))
                    _postings[group.Key] = list = [];
                list.Add((d, group.Count()));
            }
        }
        _averageLength = documents.Count == 0 ? 1 : Math.Max(1, _lengths.Average());
    }

    public int DocumentCount => _lengths.Length;

    public bool Contains(string term) => _postings.ContainsKey(term);

    /// <summary>Inverse document frequency (BM25+ style, never negative); 0 for a term no document has.</summary>
    public double Idf(string term)
    {
        if (!_postings.TryGetValue(term, out var list))
            return 0;
        var n = list.Count;
        return Math.Log(1 + (DocumentCount - n + 0.5) / (n + 0.5));
    }

    /// <summary>Scores every document; terms may repeat with different weights (original terms weigh more than expansions).</summary>
    public double[] Score(IEnumerable<(string Term, double Weight)> query)
    {
        var scores = new double[DocumentCount];
        foreach (var (term, weight) in query)
        {
            if (!_postings.TryGetValue(term, out var list))
                continue;
            var idf = Idf(term);
            foreach (var (doc, count) in list)
            {
                var norm = K1 * (1 - B + B * _lengths[doc] / _averageLength);
                scores[doc] += weight * idf * count * (K1 + 1) / (count + norm);
            }
        }
        return scores;
    }
}
