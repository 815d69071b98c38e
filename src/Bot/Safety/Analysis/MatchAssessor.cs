using Clinic.Bot.Safety.Matching;
using Clinic.Bot.Safety.Terms;

namespace Clinic.Bot.Safety.Analysis;

/// <summary>Judges one term match: disclosure, mention, negated or dropped.</summary>
internal sealed class MatchAssessor(Lexicon lexicon)
{
    private readonly NegationDetector _negation = new(lexicon);
    private readonly HypotheticalDetector _hypothetical = new(lexicon);
    private readonly SubjectResolver _subjects = new(lexicon);
    private readonly SentenceShape _shape = new(lexicon);

    public SentenceShape Shape => _shape;

    public Verdict Assess(MessageFacts facts, PatternHit<TermRule> hit)
    {
        var rule = hit.Owner;
        var stream = facts.Stream;
        if (rule.Subject == SubjectMode.Any)
        {
            return Verdict.Disclosure;
        }

        var crisis = rule.Level == TriageLevel.Crisis;
        var fragmentInitial = _shape.IsFragmentInitial(stream, hit.Start);
        if (_negation.IsNegated(stream, hit, rule.Negation, fragmentInitial))
        {
            // "Why can't pregnant women have ketamine?" asks about the topic; "I'm not pregnant" denies it.
            return _shape.IsQuestion(stream, hit.Start) ? Verdict.Mention : Verdict.Negated;
        }

        if (rule.Hypothetical && _hypothetical.IsHypothetical(stream, hit, crisis))
        {
            return Verdict.Mention;
        }

        // "I used to self-harm years ago" is history; "I used to, and started again" is not.
        if (rule.PastIsHistory && facts.DistantPastSentence[stream.Tokens[hit.Start].Sentence] && !_shape.HasResumedCue(stream, hit.Start))
        {
            return Verdict.Mention;
        }

        var (subject, position) = _subjects.Resolve(facts, hit);
        if (InMentionContext(facts, hit, subject, position))
        {
            return Verdict.Mention;
        }

        if (crisis && subject == SubjectKind.Generic && lexicon.SpecificGeneric.Contains(stream[position])
            && !_shape.IsQuestion(stream, hit.Start))
        {
            return Verdict.Disclosure; // "someone at the party isn't waking up" reports an event
        }

        return subject switch
        {
            SubjectKind.Self or SubjectKind.Proxy => Verdict.Disclosure,
            SubjectKind.Generic or SubjectKind.Agent => Verdict.Mention,
            SubjectKind.Device => Verdict.Dropped,
            _ => WithoutSubject(facts, hit, crisis, fragmentInitial),
        };
    }

    // "My grandmother died of a heart attack": a context between the person and the term makes it a mention.
    private static bool InMentionContext(MessageFacts facts, PatternHit<TermRule> hit, SubjectKind subject, int position)
    {
        var stream = facts.Stream;
        foreach (var (start, end) in facts.Contexts)
        {
            if (stream.Tokens[start].Sentence != stream.Tokens[hit.Start].Sentence)
            {
                continue;
            }

            // With no person, a context frames the term in its clause, or anywhere before it ("Contraindications
            // include: -active mania"); one after it in another clause does not ("chest pain, is this a side effect?").
            var personFound = subject is SubjectKind.Self or SubjectKind.Proxy;
            if (!personFound && (stream.SameClause(start, hit.Start) || end <= hit.Start))
            {
                return true;
            }

            if (personFound && position < hit.Start && start > position && end <= hit.Start + 1)
            {
                return true;
            }

            // "watched a documentary about overdoses, but I still want to book": the person comes in a later clause.
            if (personFound && position > hit.Start && !stream.SameClause(position, hit.Start) && stream.SameClause(start, hit.Start) && end <= hit.Start + 1)
            {
                return true;
            }

            // A compound led by the term names a topic, not a state: "suicide prevention", "overdose awareness poster".
            if (start == hit.Start && end > hit.End)
            {
                return true;
            }
        }

        return false;
    }

    private Verdict WithoutSubject(MessageFacts facts, PatternHit<TermRule> hit, bool crisis, bool fragmentInitial)
    {
        var stream = facts.Stream;
        var intent = crisis && hit.Owner.Negation == NegationMode.None;
        if (intent)
        {
            return Verdict.Disclosure; // "what's the point of living", "want to die": intent phrases, asked or not
        }

        if (_shape.IsSearchStyle(stream, hit.Start, hit.End, agentFirst: crisis))
        {
            return Verdict.Mention;
        }

        if (_shape.IsQuestion(stream, hit.Start))
        {
            // "is it normal to have chest pain right now?" is happening, not asked about.
            return crisis && _shape.HasPresentCue(stream, hit.Start) ? Verdict.Disclosure : Verdict.Mention;
        }

        if (crisis)
        {
            return Verdict.Disclosure; // "took too much", "can't breathe": symptom reports come as fragments
        }

        if (_shape.HasStateCueBefore(stream, hit.Start) || (fragmentInitial && _shape.ContainsStateTerm(stream, hit.Start, hit.End)))
        {
            return Verdict.Disclosure; // "Currently on Nardil", "Pregnant."
        }

        // "Glaucoma. Can I still book?"
        var sentence = stream.Tokens[hit.Start].Sentence;
        var bare = _shape.IsBareFragment(stream, hit.Start, hit.End);
        return bare && sentence + 1 < stream.Sentences.Length && _shape.SentenceHasFirstPerson(stream, sentence + 1)
            ? Verdict.Disclosure
            : Verdict.Mention;
    }
}
