using Clinic.Bot.Safety.Matching;
using Clinic.Bot.Safety.Terms;

namespace Clinic.Bot.Safety.Analysis;

/// <summary>
/// Recognises conditionals about the future: "if I were pregnant", "what happens if I get pregnant", "if I feel
/// suicidal after an infusion". A present-time cue ("right now", "tonight") cancels it.
/// </summary>
internal sealed class HypotheticalDetector(Lexicon lexicon)
{
    private const int LookBack = 10;
    private const int VerbWindow = 4;

    private static readonly HashSet<string> Unconditional = ["hypothetically", "suppose", "supposing", "imagine", "assuming"];

    public bool IsHypothetical(TokenStream stream, PatternHit<TermRule> hit, bool crisis)
    {
        var sentence = stream.SentenceOf(hit.Start);
        for (var p = sentence.Start; p < sentence.End; p++)
        {
            if (lexicon.PresentCues.Contains(stream[p]))
            {
                return false;
            }
        }

        if (!crisis && IsFutureEffectQuestion(stream, hit))
        {
            return true;
        }

        var verbs = crisis ? lexicon.HypotheticalVerbsCrisis : lexicon.HypotheticalVerbsContraindication;
        for (var p = hit.Start - 1; p >= sentence.Start && hit.Start - p <= LookBack; p--)
        {
            var word = stream[p];
            if (Unconditional.Contains(word))
            {
                return true;
            }

            var marker = lexicon.HypotheticalMarkers.Contains(word)
                || (!crisis && lexicon.HypotheticalMarkersContraindication.Contains(word));
            if (!marker)
            {
                continue;
            }

            for (var q = p + 1; q < hit.Start && q - p <= VerbWindow; q++)
            {
                if (verbs.Contains(stream[q]))
                {
                    return true;
                }
            }
        }

        return false;
    }

    // "Will I hallucinate?", "Would I have severe dissociation?": asking about an effect of treatment, unless a
    // condition is attached ("will I be able to book if I have glaucoma").
    private bool IsFutureEffectQuestion(TokenStream stream, PatternHit<TermRule> hit)
    {
        var start = stream.ClauseStart(hit.Start);
        if (start + 1 >= hit.Start || !lexicon.FutureQuestionStarters.Contains(stream[start])
            || !(lexicon.FirstPerson.Contains(stream[start + 1]) || stream[start + 1] == "there"))
        {
            return false;
        }

        for (var p = start + 2; p < hit.Start; p++)
        {
            if (lexicon.ConditionLinks.Contains(stream[p]))
            {
                return false;
            }
        }

        return true;
    }
}
