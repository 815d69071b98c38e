using Clinic.Bot.Safety.Matching;
using Clinic.Bot.Safety.Terms;

namespace Clinic.Bot.Safety.Analysis;

internal enum SubjectKind
{
    /// <summary>No one is named: a fragment ("took too much") or a general question.</summary>
    None,

    /// <summary>The visitor ("I", "my", "me").</summary>
    Self,

    /// <summary>Someone the visitor speaks for ("he", "she", "my husband").</summary>
    Proxy,

    /// <summary>People in general ("people with", "someone who", "you").</summary>
    Generic,

    /// <summary>The treatment acting on the term ("can ketamine cause psychosis").</summary>
    Agent,

    /// <summary>A thing, not a person ("my laptop won't wake up").</summary>
    Device,
}

/// <summary>
/// Finds who a matched term is about: the nearest person word before it in the sentence, else after it. Generic
/// nouns right after an adjective win ("pregnant women"); a treatment followed by a verb like "cause" or "help with"
/// makes it a topic ("does ketamine help with suicidal thoughts").
/// </summary>
internal sealed class SubjectResolver(Lexicon lexicon)
{
    private const int CueReach = 12;
    private const int AgentReach = 5;
    private const int DeviceReach = 3;

    public (SubjectKind Kind, int Position) Resolve(MessageFacts facts, PatternHit<TermRule> hit)
    {
        var stream = facts.Stream;
        var crisis = hit.Owner.Level == TriageLevel.Crisis;
        var sentence = stream.SentenceOf(hit.Start);

        for (var p = hit.Start; p < hit.End; p++)
        {
            var inside = Person(stream[p], crisis);
            if (inside != SubjectKind.None)
            {
                return (inside, p);
            }
        }

        if (hit.End < sentence.End && lexicon.Generic.Contains(stream[hit.End]) && !facts.SelfMarked[hit.End])
        {
            return (SubjectKind.Generic, hit.End);
        }

        var before = Backward(facts, hit, sentence.Start, crisis);
        return before.Kind != SubjectKind.None ? before : Forward(facts, hit.End, sentence.End, crisis);
    }

    private (SubjectKind Kind, int Position) Backward(MessageFacts facts, PatternHit<TermRule> hit, int sentenceStart, bool crisis)
    {
        var stream = facts.Stream;
        var cueAllowed = true; // a treatment verb before "but" does not govern what follows ("helped with anxiety but now suicidal")
        for (var p = hit.Start - 1; p >= sentenceStart; p--)
        {
            if (facts.ContextMasked[p])
            {
                continue;
            }

            if (facts.SelfMarked[p])
            {
                return (SubjectKind.Self, p);
            }

            var word = stream[p];
            var kind = Person(word, crisis);
            if (kind == SubjectKind.Proxy && lexicon.ProxyCrisisOnly.Contains(word) && GenericBefore(facts, p, sentenceStart) is var generic and >= 0)
            {
                return (SubjectKind.Generic, generic); // "patients ... if they're suicidal"
            }

            if (kind != SubjectKind.None)
            {
                return (kind, p);
            }

            if (lexicon.Generic.Contains(word))
            {
                return (SubjectKind.Generic, p);
            }

            if (lexicon.Devices.Contains(word) && hit.Start - p <= DeviceReach)
            {
                return (SubjectKind.Device, p);
            }

            if (cueAllowed && lexicon.AgentCues.Contains(word) && hit.Start - p <= CueReach && AgentBefore(stream, p, sentenceStart) is var agent and >= 0)
            {
                return (SubjectKind.Agent, agent); // "ketamine can reduce the symptoms of PTSD, including suicidal ideation"
            }

            if (lexicon.ScopeBreakers.Contains(word))
            {
                cueAllowed = false;
            }
        }

        return (SubjectKind.None, -1);
    }

    // After the term a first-person word wins over a generic one ("suicidal thoughts daily, can anyone help me").
    private (SubjectKind Kind, int Position) Forward(MessageFacts facts, int from, int sentenceEnd, bool crisis)
    {
        var stream = facts.Stream;
        var generic = -1;
        for (var p = from; p < sentenceEnd; p++)
        {
            if (facts.ContextMasked[p])
            {
                continue;
            }

            if (facts.SelfMarked[p])
            {
                return (SubjectKind.Self, p);
            }

            var kind = Person(stream[p], crisis);
            if (kind != SubjectKind.None)
            {
                return (kind, p);
            }

            if (generic < 0 && lexicon.Generic.Contains(stream[p]))
            {
                generic = p;
            }
        }

        return generic >= 0 ? (SubjectKind.Generic, generic) : (SubjectKind.None, -1);
    }

    private int GenericBefore(MessageFacts facts, int from, int sentenceStart)
    {
        for (var q = from - 1; q >= sentenceStart; q--)
        {
            var word = facts.Stream[q];
            if (lexicon.Generic.Contains(word) && !facts.SelfMarked[q])
            {
                return q;
            }

            if (lexicon.FirstPerson.Contains(word) || lexicon.Proxy.Contains(word))
            {
                return -1;
            }
        }

        return -1;
    }

    private int AgentBefore(TokenStream stream, int cue, int sentenceStart)
    {
        for (var q = cue - 1; q >= sentenceStart && cue - q <= AgentReach; q--)
        {
            if (lexicon.Agents.Contains(stream[q]))
            {
                return q;
            }

            if (Person(stream[q], crisis: true) != SubjectKind.None)
            {
                return -1;
            }
        }

        return -1;
    }

    private SubjectKind Person(string word, bool crisis)
    {
        if (lexicon.FirstPerson.Contains(word))
        {
            return SubjectKind.Self;
        }

        return lexicon.Proxy.Contains(word) || (crisis && lexicon.ProxyCrisisOnly.Contains(word)) ? SubjectKind.Proxy : SubjectKind.None;
    }
}
