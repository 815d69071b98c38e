using Clinic.Bot.Safety.Matching;
using Clinic.Bot.Safety.Terms;

namespace Clinic.Bot.Safety.Analysis;

/// <summary>
/// "Can ketamine help with suicidal thoughts? I have them every day." A first-person sentence that points back at a
/// topic ("I have them", "asking because I am") turns the nearby mention into a disclosure.
/// </summary>
internal sealed class AnaphoraResolver(Lexicon lexicon)
{
    private const int VerbReach = 3;

    public void Upgrade(MessageFacts facts, List<(PatternHit<TermRule> Hit, Verdict Verdict)> judged)
    {
        var stream = facts.Stream;
        var endings = lexicon.AnaphoraEndings.FindAll(stream);
        for (var sentence = 0; sentence < stream.Sentences.Length; sentence++)
        {
            var cue = CuePosition(stream, sentence, endings);
            if (cue < 0)
            {
                continue;
            }

            var target = FindMention(stream, judged, sentence, cue);
            if (target >= 0)
            {
                judged[target] = (judged[target].Hit, Verdict.Disclosure);
            }
        }
    }

    private static int FindMention(TokenStream stream, List<(PatternHit<TermRule> Hit, Verdict Verdict)> judged, int sentence, int cue)
    {
        var best = -1;
        for (var i = 0; i < judged.Count; i++)
        {
            var (hit, verdict) = judged[i];
            var hitSentence = stream.Tokens[hit.Start].Sentence;
            var before = (hitSentence == sentence && hit.End <= cue) || hitSentence == sentence - 1;
            if (verdict == Verdict.Mention && before)
            {
                best = i; // the latest mention before the cue
            }
        }

        if (best >= 0)
        {
            return best;
        }

        for (var i = 0; i < judged.Count; i++)
        {
            if (judged[i].Verdict == Verdict.Mention && stream.Tokens[judged[i].Hit.Start].Sentence == sentence + 1)
            {
                return i;
            }
        }

        return -1;
    }

    // Position of "I have them" / "I am" in the sentence, or -1.
    private int CuePosition(TokenStream stream, int sentenceIndex, List<PatternHit<string>> endings)
    {
        var sentence = stream.Sentences[sentenceIndex];
        for (var p = sentence.Start; p < sentence.End; p++)
        {
            if (!lexicon.FirstPerson.Contains(stream[p]))
            {
                continue;
            }

            for (var v = p + 1; v < sentence.End && v - p <= VerbReach; v++)
            {
                if (lexicon.AnaphoraVerbs.Contains(stream[v]))
                {
                    for (var o = v + 1; o < sentence.End && o - v <= 2; o++)
                    {
                        if (lexicon.AnaphoraPronouns.Contains(stream[o]) && OnlyTailAfter(stream, o + 1, sentence.End))
                        {
                            return p;
                        }
                    }
                }
            }
        }

        foreach (var ending in endings)
        {
            if (ending.End == sentence.End && ending.Start >= sentence.Start)
            {
                return ending.Start;
            }
        }

        return -1;
    }

    // "I have them every day" points back; "I have it booked for Monday" does not.
    private bool OnlyTailAfter(TokenStream stream, int from, int end)
    {
        for (var p = from; p < end; p++)
        {
            if (!lexicon.AnaphoraTail.Contains(stream[p]) && !lexicon.Fillers.Contains(stream[p]))
            {
                return false;
            }
        }

        return true;
    }
}
