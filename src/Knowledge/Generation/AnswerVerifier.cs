using System.Text.RegularExpressions;
using Clinic.Knowledge.Retrieval;

namespace Clinic.Knowledge.Generation;

/// <summary>
/// Checks each sentence of a model's answer against the passages it cites: it must cite one the prompt gave, most of
/// its content words must be in them, every number with its unit must be in them, a number about dosing, eligibility
/// or cost must be quoted word for word, and it must not flip a negation. Pure code: no model judges the model.
/// </summary>
internal sealed partial class AnswerVerifier(double minSupport)
{
    private static readonly HashSet<string> Negations = new(StringComparer.Ordinal)
    {
        "not", "no", "never", "cannot", "cant", "dont", "doesnt", "isnt", "arent", "wont", "shouldnt", "mustnt", "without", "none", "nor", "neither",
    };

    /// <summary>Verifies every sentence of <paramref name="modelText"/>.</summary>
    public VerificationResult Verify(string modelText, IReadOnlyList<NumberedPassage> passages)
    {
        var kept = new List<ModelSentence>();
        var rejected = new List<RejectionReason>();
        foreach (var sentence in ModelSentence.Split(modelText))
        {
            if (Check(sentence, passages) is { } reason)
                rejected.Add(reason);
            else
                kept.Add(sentence);
        }
        return new VerificationResult(kept, rejected);
    }

    /// <summary>Null when <paramref name="sentence"/> is supported by the passages it cites; otherwise why not.</summary>
    public RejectionReason? Check(ModelSentence sentence, IReadOnlyList<NumberedPassage> passages)
    {
        if (sentence.Cites.Count == 0)
            return RejectionReason.NoCitation;
        if (sentence.Cites.Any(n => n < 1 || n > passages.Count))
            return RejectionReason.UnknownPassage;
        var cited = sentence.Cites.Select(n => passages[n - 1]).ToList();

        var terms = TextAnalyzer.Terms(sentence.Claim).Where(t => !t.All(char.IsAsciiDigit)).Distinct().ToList();
        if (terms.Count == 0)
            return RejectionReason.Empty;
        var supported = terms.Count(t => cited.Any(p => p.Terms.Contains(t)));
        if (supported < minSupport * terms.Count)
            return RejectionReason.Unsupported;

        var facts = NumberFacts.Extract(sentence.Claim);
        if (facts.Any(f => !cited.Any(p => p.Facts.Contains(f))))
            return RejectionReason.NumberNotInPassage;
        var words = TextAnalyzer.Words(sentence.Claim);
        if (facts.Count > 0 && Sensitive().IsMatch(sentence.Claim) && !cited.Any(p => ContainsRun(p.Words, words)))
            return RejectionReason.NotQuoted;

        if (NegationDiffers(words, terms, cited))
            return RejectionReason.Negation;
        return null;
    }

    // The source sentence the claim rests on is the cited sentence sharing most of its terms; both must say yes, or both no.
    private static bool NegationDiffers(List<string> words, List<string> terms, List<NumberedPassage> cited)
    {
        List<string>? best = null;
        var bestShared = -1;
        foreach (var sentence in cited.SelectMany(p => p.SentenceWords))
        {
            var stems = sentence.Select(TextAnalyzer.Stem).ToHashSet(StringComparer.Ordinal);
            var shared = terms.Count(stems.Contains);
            if (shared > bestShared)
                (best, bestShared) = (sentence, shared);
        }
        return best is not null && words.Any(Negations.Contains) != best.Any(Negations.Contains);
    }

    private static bool ContainsRun(List<string> haystack, List<string> needle)
    {
        if (needle.Count == 0 || needle.Count > haystack.Count)
            return false;
        for (var i = 0; i + needle.Count <= haystack.Count; i++)
        {
            var j = 0;
            while (j < needle.Count && haystack[i + j] == needle[j])
                j++;
            if (j == needle.Count)
                return true;
        }
        return false;
    }

    // Dosing, eligibility and cost: a number there must be the clinic's own words, never the model's rephrasing.
    [GeneratedRegex(
        @"\b(dos(e|es|age|ages|ing|ed)|mg|milligrams?|mcg|ml|per\s+kilogram|kg|weigh\w*|ages?|aged|years?\s+old|older|younger|adults?|minors?|eligib\w*|qualif\w*|" +
        @"contraindicat\w*|pregnan\w*|cost\w*|price\w*|fees?|pay\w*|insurance|insurer\w*|covered|coverage|copay\w*|deductible|dollars?|cents?)\b|\$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Sensitive();
}
