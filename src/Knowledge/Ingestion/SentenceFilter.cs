using Clinic.Knowledge.Corpus;

namespace Clinic.Knowledge.Ingestion;

/// <summary>Drops marketing sentences, including any that name a clinic the document advertises.</summary>
internal static class SentenceFilter
{
    public static List<List<SourceSpan>> Apply(
        string id, string original, IReadOnlyList<List<SourceSpan>> sentences, List<DroppedText> dropped)
    {
        var names = LearnClinicNames(sentences);
        var kept = new List<List<SourceSpan>>(sentences.Count);
        foreach (var block in sentences)
        {
            var keptHere = new List<SourceSpan>(block.Count);
            foreach (var sentence in block)
            {
                var rule = RuleFor(sentence.Text, names);
                if (rule is null)
                {
                    keptHere.Add(sentence);
                }
                else
                {
                    dropped.Add(new DroppedText(id, original[sentence.Start..sentence.End], rule, sentence.Start));
                }
            }

            kept.Add(keptHere);
        }

        return kept;
    }

    private static string? RuleFor(string sentence, List<string> names)
    {
        if (SentenceRules.SafetyGuard().IsMatch(sentence))
        {
            return null;
        }

        var rule = Array.Find(SentenceRules.Drops, r => r.IsMatch(sentence));
        if (rule is not null)
        {
            return rule.Name;
        }

        return names.Exists(name => Mentions(sentence, name)) ? SentenceRules.ClinicNameRule : null;
    }

    private static List<string> LearnClinicNames(IReadOnlyList<List<SourceSpan>> sentences)
    {
        var names = new List<string>();
        foreach (var sentence in sentences.SelectMany(block => block))
        {
            foreach (var pattern in SentenceRules.ClinicIntroductions)
            {
                foreach (var match in pattern.Matches(sentence.Text).Cast<System.Text.RegularExpressions.Match>())
                {
                    var name = match.Groups["name"].Value;
                    if (!names.Contains(name, StringComparer.Ordinal))
                    {
                        names.Add(name);
                    }
                }
            }
        }

        return names;
    }

    // Whole-word, case-sensitive: "Impact Psychedelics" the clinic, not "impact" the noun.
    private static bool Mentions(string sentence, string name)
    {
        for (var at = sentence.IndexOf(name, StringComparison.Ordinal); at >= 0; at = sentence.IndexOf(name, at + 1, StringComparison.Ordinal))
        {
            var end = at + name.Length;
            if ((at == 0 || !char.IsLetterOrDigit(sentence[at - 1])) && (end == sentence.Length || !char.IsLetterOrDigit(sentence[end])))
            {
                return true;
            }
        }

        return false;
    }
}
