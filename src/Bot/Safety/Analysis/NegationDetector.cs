using Clinic.Bot.Safety.Matching;
using Clinic.Bot.Safety.Terms;

namespace Clinic.Bot.Safety.Analysis;

/// <summary>
/// Decides whether a negator governs a matched term: "I'm not pregnant", "never had a heart attack", "I don't have
/// glaucoma or heart disease". Uncertainty is not negation ("not sure if I'm pregnant"), a new subject or "but" ends
/// the scope ("I'm not pregnant but I have glaucoma").
/// </summary>
internal sealed class NegationDetector(Lexicon lexicon)
{
    private const int ScopeWindow = 12;
    private const int StrictWindow = 3;
    private const int PostWindow = 4;

    public bool IsNegated(TokenStream stream, PatternHit<TermRule> hit, NegationMode mode, bool fragmentInitial)
    {
        if (mode == NegationMode.None)
        {
            return false;
        }

        // A negator in a gap of the match: "blood pressure is not high".
        for (var p = hit.Start; p < hit.End; p++)
        {
            if (lexicon.Negators.Contains(stream[p]) && !hit.Pattern.ContainsWord(stream[p]) && !IsUncertainty(stream, p))
            {
                return true;
            }
        }

        return NegatedBefore(stream, hit, mode) || NegatedAfter(stream, hit, fragmentInitial);
    }

    private bool NegatedBefore(TokenStream stream, PatternHit<TermRule> hit, NegationMode mode)
    {
        var window = mode == NegationMode.Strict ? StrictWindow : ScopeWindow;
        var sentenceStart = stream.SentenceOf(hit.Start).Start;
        for (var p = hit.Start - 1; p >= sentenceStart && hit.Start - p <= window; p--)
        {
            var word = stream[p];
            if (lexicon.Negators.Contains(word))
            {
                if (IsUncertainty(stream, p))
                {
                    return false;
                }

                // "No, I'm pregnant": an interjection, not a negator.
                if (word == "no" && p + 1 < stream.Count && !stream.SameClause(p, p + 1))
                {
                    return false;
                }

                return mode != NegationMode.Strict || stream.SameClause(p, hit.Start);
            }

            if (lexicon.ScopeBreakers.Contains(word) || lexicon.ScopeResetters.Contains(word))
            {
                return false;
            }

            if (lexicon.Coordinators.Contains(word) && p + 1 < hit.Start && lexicon.VerbsAfterCoordinator.Contains(stream[p + 1]))
            {
                return false; // "I'm not pregnant and have glaucoma"
            }
        }

        return false;
    }

    // "My pregnancy test came back negative", "Pregnant: no".
    private bool NegatedAfter(TokenStream stream, PatternHit<TermRule> hit, bool fragmentInitial)
    {
        var sentenceEnd = stream.SentenceOf(hit.Start).End;
        for (var p = hit.End; p < sentenceEnd && p - hit.End < PostWindow; p++)
        {
            var word = stream[p];
            if (word == "negative")
            {
                return true;
            }

            if (fragmentInitial && p == hit.End && lexicon.PostNegators.Contains(word) && !IsUncertainty(stream, p))
            {
                return true;
            }

            if (lexicon.ScopeResetters.Contains(word) || lexicon.ScopeBreakers.Contains(word))
            {
                return false;
            }
        }

        return false;
    }

    private bool IsUncertainty(TokenStream stream, int negator) =>
        negator + 1 < stream.Count && lexicon.UncertaintyAfterNegator.Contains(stream[negator + 1]);
}
