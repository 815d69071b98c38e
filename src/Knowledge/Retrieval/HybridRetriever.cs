using Clinic.Knowledge.Embeddings;
using Clinic.Knowledge.Indexing;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Clinic.Knowledge.Retrieval;

/// <summary>
/// Finds the passages for a question: BM25 over spelling-corrected, synonym-expanded terms and dense cosine similarity
/// over sentence, heading and chunk vectors, fused by reciprocal rank.
/// </summary>
public sealed class HybridRetriever(
    IEmbeddingGenerator<string, Embedding<float>> embedder, IOptions<RetrievalOptions> options, ILogger<HybridRetriever>? logger = null)
{
    /// <summary>Corrects, stems and expands the question's words against the index's vocabulary.</summary>
    public AnalyzedQuery Analyze(KnowledgeIndex index, string question)
    {
        var terms = new List<string>();
        var corrections = new List<(string, string)>();
        foreach (var word in TextAnalyzer.Words(question))
        {
            if (TextAnalyzer.IsStopWord(word))
                continue;
            var corrected = index.Speller.Correct(word);
            if (corrected != word)
                corrections.Add((word, corrected));
            terms.Add(TextAnalyzer.Stem(corrected));
        }
        return new AnalyzedQuery(question, terms, SynonymTable.Default.Expand(terms), corrections);
    }

    /// <summary>The best passages for <paramref name="question"/>, best first.</summary>
    public async Task<RetrievalResult> SearchAsync(KnowledgeIndex index, string question, CancellationToken cancellationToken = default)
    {
        var query = Analyze(index, question);
        var denseText = query.Corrections.Aggregate(question, (text, c) => ReplaceWord(text, c.Typed, c.Corrected));
        float[] vector;
        try
        {
            var embedding = await embedder.GenerateAsync(denseText, cancellationToken: cancellationToken);
            vector = embedding.Vector.ToArray();
            VectorMatrix.Normalize(vector);
            index.Center(vector);
        }
        catch (EmbeddingServiceException e)
        {
            // A remote embedder that is down leaves the words: a zero vector scores every passage 0 on the dense side,
            // so ranking is lexical and the answer thresholds decide (usually a polite decline offering staff).
            logger?.LogWarning("Query embedding failed, ranking by words only: {Reason}", e.Message);
            vector = new float[index.Mean.Length];
        }
        return new RetrievalResult(query, vector, Rank(index, query, vector));
    }

    private List<RetrievedPassage> Rank(KnowledgeIndex index, AnalyzedQuery query, float[] vector)
    {
        var weight = options.Value.ExpansionWeight;
        var lexical = index.Bm25.Score(query.Terms.Select(t => (t, 1.0)).Concat(query.Expansions.Select(t => (t, weight))));
        var chunkSims = index.ChunkVectors.Similarities(vector);
        var sentenceSims = index.SentenceVectors.Similarities(vector);
        var sectionSims = index.SectionVectors.Similarities(vector);

        var dense = new double[index.Chunks.Count];
        for (var c = 0; c < dense.Length; c++)
        {
            double best = chunkSims[c];
            foreach (var s in index.ChunkSentences[c])
                best = Math.Max(best, sentenceSims[s]);
            // A heading such as "How Long Does Ketamine Therapy Last?" often matches the question better than its answer does.
            best = Math.Max(best, sectionSims[index.ChunkSections[c]] * 0.95);
            dense[c] = best;
        }

        var lexicalRank = Ranks(lexical, onlyPositive: true);
        var denseRank = Ranks(dense, onlyPositive: false);
        var k = options.Value.RrfK;
        var w = options.Value.LexicalWeight;
        var maxLexical = Math.Max(lexical.Max(), 1e-9);
        var fused = new double[dense.Length];
        for (var c = 0; c < fused.Length; c++)
        {
            fused[c] = k <= 0
                ? dense[c] + w * lexical[c] / maxLexical
                : 1.0 / (k + denseRank[c]) + (lexicalRank[c] > 0 ? 1.0 / (k + lexicalRank[c]) : 0);
        }
        return Enumerable.Range(0, fused.Length)
            .OrderByDescending(c => fused[c])
            .ThenBy(c => c)
            .Take(options.Value.TopK)
            .Select(c => new RetrievedPassage(c, index.Chunks[c], fused[c], lexical[c], dense[c]))
            .ToList();
    }

    // 1-based ranks; 0 for documents left out (no lexical match).
    private static int[] Ranks(double[] scores, bool onlyPositive)
    {
        var ranks = new int[scores.Length];
        var order = Enumerable.Range(0, scores.Length).Where(i => !onlyPositive || scores[i] > 0).OrderByDescending(i => scores[i]).ToList();
        for (var r = 0; r < order.Count; r++)
            ranks[order[r]] = r + 1;
        return ranks;
    }

    private static string ReplaceWord(string text, string typed, string corrected) =>
        System.Text.RegularExpressions.Regex.Replace(text, $@"\b{System.Text.RegularExpressions.Regex.Escape(typed)}\b", corrected,
            System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.CultureInvariant);
}
