using System.Numerics.Tensors;
using Clinic.Knowledge.Indexing;
using Clinic.Knowledge.Retrieval;
using Microsoft.Extensions.Options;

namespace Clinic.Knowledge.Answers;

/// <summary>
/// Composes an extractive answer: the one to three corpus sentences that best answer the question, in document order,
/// each with a citation to its exact source text; or a polite decline when the corpus does not answer.
/// </summary>
public sealed class AnswerComposer(IOptions<AnswerOptions> options)
{
    private const int CandidatePassages = 3;

    /// <summary>Builds the answer for a search result.</summary>
    public GroundedAnswer Compose(KnowledgeIndex index, RetrievalResult result)
    {
        var o = options.Value;
        var weights = QueryWeights.For(index, result.Query, o.MinorTermWeight);
        if (result.Passages.Count == 0 || weights.OriginalTotal <= 0)
            return Decline(DeclineReason.ChitChat, result.Query.Text, 0);

        var candidates = result.Passages.Take(CandidatePassages).ToList();
        var similarity = candidates.Max(p => p.Dense);
        var coverage = candidates.Max(p => weights.Coverage(index.ChunkTerms[p.ChunkIndex]));
        // Calibrated on eval/questions-dev.jsonl (see README): a decline costs a visitor a phone call, an invented answer can hurt them.
        var answerable = similarity >= o.MinSimilarity
            && (coverage >= o.MinCoverage || (similarity >= o.ConfidentSimilarity && coverage >= o.ConfidentMinCoverage));
        if (!answerable)
            return Decline(DeclineReason.NotInCorpus, result.Query.Text, similarity) with { Coverage = Math.Round(coverage, 3) };

        var scored = ScoreSentences(index, result, candidates, weights);
        var chosen = SentenceSelector.Choose(index, scored, o.MaxSentences);
        var body = AnswerText.Join(index, chosen);
        var text = o.LeadIn + "\n\n" + body;
        return new GroundedAnswer(
            text,
            Answered: true,
            CitationBuilder.Build(index, chosen),
            DisclaimerSelector.Select(o, result.Query.Text, body, answered: true),
            Decline: null,
            Confidence: Math.Round(similarity, 3),
            Coverage: Math.Round(coverage, 3));
    }

    /// <summary>The decline for a reason found before or during retrieval.</summary>
    public GroundedAnswer Decline(DeclineReason reason, string question, double confidence = 0)
    {
        var o = options.Value;
        var text = reason switch
        {
            DeclineReason.Empty => o.DeclineEmpty,
            DeclineReason.TooLong => o.DeclineTooLong,
            DeclineReason.NotText => o.DeclineNotText,
            DeclineReason.Injection => o.DeclineInjection,
            DeclineReason.ChitChat => o.DeclineChitChat,
            DeclineReason.SearchUnavailable => o.DeclineSearchUnavailable,
            _ => o.DeclineNotInCorpus,
        };
        var disclaimers = reason == DeclineReason.NotInCorpus ? DisclaimerSelector.Select(o, question, "", answered: false) : [];
        return new GroundedAnswer(text, Answered: false, [], disclaimers, reason, Math.Round(confidence, 3));
    }

    private static Dictionary<int, double> ScoreSentences(
        KnowledgeIndex index, RetrievalResult result, List<RetrievedPassage> passages, QueryWeights weights)
    {
        var scores = new Dictionary<int, double>();
        for (var rank = 0; rank < passages.Count; rank++)
        {
            var chunk = passages[rank].ChunkIndex;
            var heading = TensorPrimitives.Dot(index.SectionVectors.Row(index.ChunkSections[chunk]), result.QueryVector);
            foreach (var s in index.ChunkSentences[chunk])
            {
                if (scores.ContainsKey(s))
                    continue;
                var dense = TensorPrimitives.Dot(index.SentenceVectors.Row(s), result.QueryVector);
                var lexical = weights.Coverage(index.SentenceTerms[s]);
                var rankBonus = rank == 0 ? 0.1 : rank == 1 ? 0.04 : 0;
                var tooShort = index.Sentences[s].Span.Text.Split(' ').Length < 5 ? 0.15 : 0;
                scores[s] = 0.5 * dense + 0.35 * lexical + 0.15 * heading + rankBonus - tooShort;
            }
        }
        return scores;
    }
}
