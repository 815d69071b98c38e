using Clinic.Bot.Safety.Matching;
using Clinic.Bot.Safety.Terms;
using Clinic.Bot.Safety.Text;

namespace Clinic.Bot.Safety.Analysis;

/// <summary>Runs the whole triage of one message. Stateless after construction, so one instance serves all threads.</summary>
internal sealed class TriageAnalyzer(SafetyTerms terms)
{
    private const int MaxReasons = 16;

    private readonly MatchAssessor _assessor = new(terms.Lexicon);
    private readonly AnaphoraResolver _anaphora = new(terms.Lexicon);

    public TriageResult Classify(string? text) => Classify(text, out _);

    /// <summary>
    /// Classifies, and says whether the rules judged crisis wording in the message (a crisis rule matched, whatever the
    /// verdict, or an idiom such as "my back is killing me" did): then "I'm not suicidal" is the rules' call to make.
    /// </summary>
    public TriageResult Classify(string? text, out bool judgedCrisisWording)
    {
        judgedCrisisWording = false;
        var stream = terms.Builder.Build(TextNormalizer.Normalize(text));
        if (stream.Count == 0)
        {
            return TriageResult.None;
        }

        var facts = Facts(stream);
        var judged = Deduplicate(terms.RulePatterns.FindAll(stream, facts.IdiomMasked))
            .Select(hit => (hit, _assessor.Assess(facts, hit)))
            .ToList();
        _anaphora.Upgrade(facts, judged);
        judgedCrisisWording = facts.IdiomMasked.Contains(true) || judged.Any(j => j.hit.Owner.Level == TriageLevel.Crisis);

        var disclosures = judged.Where(j => j.Item2 == Verdict.Disclosure).Select(j => j.hit).ToList();
        if (disclosures.Count > 0)
        {
            var level = disclosures.Max(h => h.Owner.Level);
            var reasons = disclosures
                .OrderByDescending(h => h.Owner.Level)
                .ThenBy(h => h.Start)
                .Select(h => $"{h.Owner.Id}:\"{stream.Phrase(h.Start, h.End)}\"");
            return Result(level, reasons);
        }

        var mentions = judged.Where(j => j.Item2 == Verdict.Mention)
            .Select(j => $"mention.{j.hit.Owner.Id}:\"{stream.Phrase(j.hit.Start, j.hit.End)}\"")
            .Concat(terms.Informational.FindAll(stream)
                .Where(hit => AsksAbout(stream, hit.Start) && !judged.Any(j => j.Item2 != Verdict.Mention && Overlaps(j.hit, hit.Start, hit.End)))
                .Select(hit => $"{hit.Owner}:\"{stream.Phrase(hit.Start, hit.End)}\""))
            .ToList();
        return mentions.Count > 0 ? Result(TriageLevel.Informational, mentions) : TriageResult.None;
    }

    private MessageFacts Facts(TokenStream stream)
    {
        var facts = new MessageFacts(stream);
        foreach (var idiom in terms.Idioms.FindAll(stream))
        {
            MessageFacts.Mark(facts.IdiomMasked, idiom.Start, idiom.End);
        }

        foreach (var context in terms.MentionContexts.FindAll(stream))
        {
            // "nearly died from an overdose" is not a death in the family.
            if (context.Start > 0 && terms.Lexicon.ContextBlockers.Contains(stream[context.Start - 1]))
            {
                continue;
            }

            facts.Contexts.Add((context.Start, context.End));
            MessageFacts.Mark(facts.ContextMasked, context.Start, context.End);
        }

        foreach (var marker in terms.Lexicon.GenericSelfMarkers.FindAll(stream))
        {
            MessageFacts.Mark(facts.SelfMarked, marker.Start, marker.End);
        }

        foreach (var past in terms.Lexicon.DistantPast.FindAll(stream))
        {
            facts.DistantPastSentence[stream.Tokens[past.Start].Sentence] = true;
        }

        return facts;
    }

    // A topic word counts as informational when asked about, not in "my blood pressure is normal".
    private bool AsksAbout(TokenStream stream, int index)
    {
        var sentence = stream.Tokens[index].Sentence;
        var span = stream.Sentences[sentence];
        return _assessor.Shape.IsQuestion(stream, index)
            || !_assessor.Shape.SentenceHasFirstPerson(stream, sentence)
            || Enumerable.Range(span.Start, span.End - span.Start).Any(p => terms.Lexicon.RequestCues.Contains(stream[p]));
    }

    // One hit per rule and place: overlapping hits of the same rule keep the earliest, longest.
    private static List<PatternHit<TermRule>> Deduplicate(List<PatternHit<TermRule>> hits)
    {
        var kept = new List<PatternHit<TermRule>>(hits.Count);
        var lastEnd = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var hit in hits.OrderBy(h => h.Start).ThenByDescending(h => h.End))
        {
            if (lastEnd.TryGetValue(hit.Owner.Id, out var end) && hit.Start < end)
            {
                continue;
            }

            kept.Add(hit);
            lastEnd[hit.Owner.Id] = hit.End;
        }

        return kept;
    }

    private static bool Overlaps(PatternHit<TermRule> hit, int start, int end) => hit.Start < end && start < hit.End;

    private static TriageResult Result(TriageLevel level, IEnumerable<string> reasons) =>
        new(level, reasons.Distinct(StringComparer.Ordinal).Take(MaxReasons).ToArray());
}
