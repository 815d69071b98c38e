using Clinic.Knowledge.Embeddings;
using Clinic.Knowledge.Indexing;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Clinic.Knowledge.Retrieval;

/// <summary>
/// Finds the passages for a question: spelling-corrected, synonym-expanded terms and the question's vector, ranked by
/// the <see cref="IPassageStore"/> (in process by default: BM25 and dense cosine over sentence, heading and chunk vectors).
/// </summary>
public sealed partial class HybridRetriever(
    IEmbeddingGenerator<string, Embedding<float>> embedder,
    IOptions<RetrievalOptions> options,
    ILogger<HybridRetriever>? logger = null,
    IPassageStore? store = null)
{
    private readonly IPassageStore _store = store ?? new InProcessPassageStore(options);

    /// <summary>Corrects, stems and expands the question's words against the index's vocabulary.</summary>
    public AnalyzedQuery Analyze(KnowledgeIndex index, string question)
    {
        var terms = new List<string>();
        var minor = new HashSet<string>(StringComparer.Ordinal);
        var corrections = new List<(string, string)>();
        var spelledOut = Abbreviations.Default.Expand(question, word => index.Bm25.Contains(TextAnalyzer.Stem(TextAnalyzer.Fold(word))), corrections);
        foreach (var word in TextAnalyzer.Words(FuseUnknownCompounds(index, spelledOut)))
        {
            if (TextAnalyzer.IsStopWord(word))
                continue;
            var corrected = index.Speller.Correct(word);
            if (corrected != word)
                corrections.Add((word, corrected));
            var term = CorpusTerm(index, corrected);
            terms.Add(term);
            if (!index.Bm25.Contains(term) && (Lexicon.IsMainlyVerb(corrected) || corrected.All(char.IsAsciiDigit)))
                minor.Add(term);
        }
        return new AnalyzedQuery(question, terms, SynonymTable.Default.Expand(terms), corrections) { MinorTerms = minor };
    }

    // A hyphenated compound is one idea: "half-life" is not about "life", so one the corpus never uses becomes a single
    // word it does not know, instead of lending its known half.
    private static string FuseUnknownCompounds(KnowledgeIndex index, string text) =>
        Compound().Replace(text, m =>
        {
            var parts = TextAnalyzer.Fold(m.Value).Split('-');
            for (var i = 0; i + 1 < parts.Length; i++)
            {
                if (!index.WordPairs.Contains(parts[i] + " " + parts[i + 1]))
                    return string.Concat(parts);
            }
            return m.Value;
        });

    [System.Text.RegularExpressions.GeneratedRegex(@"\b\p{L}+(?:-\p{L}+)+\b")]
    private static partial System.Text.RegularExpressions.Regex Compound();

    // "quicker", "took" and "heavily" stem apart from the corpus's "quick", "take" and "heavy"; a word the corpus lacks
    // would otherwise count as a topic the corpus never mentions.
    private static string CorpusTerm(KnowledgeIndex index, string word)
    {
        var stem = TextAnalyzer.Stem(word);
        if (index.Bm25.Contains(stem))
            return stem;
        foreach (var baseWord in Lexicon.BasesOf(word))
        {
            var baseStem = TextAnalyzer.Stem(baseWord);
            if (!TextAnalyzer.IsStopWord(baseWord) && index.Bm25.Contains(baseStem))
                return baseStem;
        }
        return stem;
    }

    /// <summary>
    /// The best passages for <paramref name="question"/>, best first. Throws <see cref="Search.SearchServiceException"/>
    /// when a remote store fails.
    /// </summary>
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
        return new RetrievalResult(query, vector, await _store.RankAsync(index, query, denseText, vector, cancellationToken));
    }

    private static string ReplaceWord(string text, string typed, string corrected) =>
        System.Text.RegularExpressions.Regex.Replace(text, $@"\b{System.Text.RegularExpressions.Regex.Escape(typed)}\b", corrected,
            System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.CultureInvariant);
}
