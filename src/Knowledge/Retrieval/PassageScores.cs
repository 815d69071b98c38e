using System.Numerics.Tensors;
using Clinic.Knowledge.Indexing;

namespace Clinic.Knowledge.Retrieval;

/// <summary>
/// Ranks chunks of the in-memory index by the signals the answer thresholds were calibrated on: dense cosine plus
/// weighted, max-scaled BM25, or reciprocal rank fusion of the two when <see cref="RetrievalOptions.RrfK"/> is set.
/// </summary>
internal static class PassageScores
{
    /// <summary>The best <see cref="RetrievalOptions.TopK"/> of <paramref name="chunks"/> (positions in the index), best first.</summary>
    public static List<RetrievedPassage> Rank(
        KnowledgeIndex index, AnalyzedQuery query, float[] vector, IReadOnlyList<int> chunks, RetrievalOptions options)
    {
        var allLexical = index.Bm25.Score(query.Terms.Select(t => (t, 1.0)).Concat(query.Expansions.Select(t => (t, options.ExpansionWeight))));
        var lexical = chunks.Select(c => allLexical[c]).ToArray();
        var dense = chunks.Select(c => Dense(index, c, vector)).ToArray();
        var lexicalRank = Ranks(lexical, onlyPositive: true);
        var denseRank = Ranks(dense, onlyPositive: false);
        var k = options.RrfK;
        var w = options.LexicalWeight;
        var maxLexical = Math.Max(lexical.DefaultIfEmpty().Max(), 1e-9);
        var fused = new double[chunks.Count];
        for (var i = 0; i < fused.Length; i++)
        {
            fused[i] = k <= 0
                ? dense[i] + w * lexical[i] / maxLexical
                : 1.0 / (k + denseRank[i]) + (lexicalRank[i] > 0 ? 1.0 / (k + lexicalRank[i]) : 0);
        }
        return Enumerable.Range(0, fused.Length)
            .OrderByDescending(i => fused[i])
            .ThenBy(i => chunks[i])
            .Take(options.TopK)
            .Select(i => new RetrievedPassage(chunks[i], index.Chunks[chunks[i]], fused[i], lexical[i], dense[i]))
            .ToList();
    }

    /// <summary>The best cosine of the (centred, unit) question vector with the chunk, one of its sentences or its heading.</summary>
    private static double Dense(KnowledgeIndex index, int chunk, ReadOnlySpan<float> vector)
    {
        double best = TensorPrimitives.Dot(index.ChunkVectors.Row(chunk), vector);
        foreach (var s in index.ChunkSentences[chunk])
            best = Math.Max(best, TensorPrimitives.Dot(index.SentenceVectors.Row(s), vector));
        // A heading such as "How Long Does Ketamine Therapy Last?" often matches the question better than its answer does.
        return Math.Max(best, TensorPrimitives.Dot(index.SectionVectors.Row(index.ChunkSections[chunk]), vector) * 0.95);
    }

    // 1-based ranks; 0 for chunks left out (no lexical match).
    private static int[] Ranks(double[] scores, bool onlyPositive)
    {
        var ranks = new int[scores.Length];
        var order = Enumerable.Range(0, scores.Length).Where(i => !onlyPositive || scores[i] > 0).OrderByDescending(i => scores[i]).ToList();
        for (var r = 0; r < order.Count; r++)
            ranks[order[r]] = r + 1;
        return ranks;
    }
}
