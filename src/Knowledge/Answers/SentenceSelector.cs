using Clinic.Knowledge.Indexing;

namespace Clinic.Knowledge.Answers;

/// <summary>Chooses which scored sentences make the answer and puts them in reading order.</summary>
internal static class SentenceSelector
{
    public static List<int> Choose(KnowledgeIndex index, Dictionary<int, double> scores, int maxSentences)
    {
        var best = scores.MaxBy(kv => kv.Value).Key;
        var bestScore = scores[best];
        var chosen = new List<int> { best };

        // "This can be mitigated..." means nothing without the sentence before it.
        if (best > 0 && SameSection(index, best - 1, best) && StartsWithReference(index.Sentences[best].Span.Text))
            chosen.Add(best - 1);

        // A list ("include: dizziness, confusion, ...") is split into short items; they belong to the sentence that introduces them.
        var next = best + 1;
        var listItems = 0;
        while (next < index.Sentences.Count && SameSection(index, best, next) && listItems < 12
               && (index.Sentences[next - 1].Span.Text.TrimEnd().EndsWith(':') || (listItems > 0 && IsListItem(index.Sentences[next].Span.Text)))
               && IsListItem(index.Sentences[next].Span.Text))
        {
            chosen.Add(next++);
            listItems++;
        }
        var limit = maxSentences + listItems;

        // Continue the best sentence when the next one carries on its thought.
        for (; chosen.Count < limit && next < index.Sentences.Count; next++)
        {
            if (!SameSection(index, best, next))
                break;
            var previousIntroduces = index.Sentences[next - 1].Span.Text.TrimEnd().EndsWith(':');
            var score = scores.GetValueOrDefault(next, double.MinValue);
            var continues = StartsWithReference(index.Sentences[next].Span.Text) && score >= 0.6 * bestScore;
            if (previousIntroduces || continues || score >= 0.85 * bestScore)
                chosen.Add(next);
            else
                break;
        }

        // One more strong sentence from elsewhere adds what the first passage lacks.
        foreach (var (s, score) in scores.OrderByDescending(kv => kv.Value))
        {
            if (chosen.Count >= limit)
                break;
            if (!chosen.Contains(s) && score >= 0.8 * bestScore && !NearDuplicate(index, chosen, s))
                chosen.Add(s);
        }
        return chosen.OrderBy(s => index.Sentences[s].DocumentId, StringComparer.Ordinal).ThenBy(s => s).ToList();
    }

    private static bool IsListItem(string text) => text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length <= 8;

    private static bool SameSection(KnowledgeIndex index, int a, int b) =>
        index.Sentences[a].SectionOrdinal == index.Sentences[b].SectionOrdinal;

    private static bool StartsWithReference(string text)
    {
        var first = text.Split(' ', 2)[0].Trim('"', '“', '(', '-', '•').ToLowerInvariant();
        return first is "this" or "these" or "it" or "its" or "they" or "however," or "however" or "additionally," or "also," or "therefore," or "that"
            or "such" or "both" or "regardless," or "moreover," or "furthermore,";
    }

    // The corpus repeats itself across articles; two sentences saying the same thing read badly.
    private static bool NearDuplicate(KnowledgeIndex index, List<int> chosen, int candidate)
    {
        var c = index.SentenceTerms[candidate];
        foreach (var s in chosen)
        {
            var other = index.SentenceTerms[s];
            var shared = c.Count(other.Contains);
            if (shared >= 0.7 * Math.Min(c.Count, other.Count))
                return true;
        }
        return false;
    }
}
