namespace Clinic.Knowledge.Ingestion;

/// <summary>
/// Adds a trimmed sentence range, cutting a run-on without sentence ends (a table, a scraped menu) at clause or
/// word breaks so no piece outgrows <see cref="CleaningRules.MaxSentenceChars"/>; every piece still quotes the
/// original exactly.
/// </summary>
internal static class RunOnCutter
{
    private static readonly string[] Separators = ["; ", ", ", " "];

    public static void Add(List<(int Start, int End)> sentences, string text, int start, int end)
    {
        (start, end) = Trim(text, start, end);
        while (end - start > CleaningRules.MaxSentenceChars)
        {
            var cut = BreakBefore(text, start, start + CleaningRules.MaxSentenceChars);
            var (pieceStart, pieceEnd) = Trim(text, start, cut);
            sentences.Add((pieceStart, pieceEnd));
            (start, end) = Trim(text, cut, end);
        }

        if (end > start)
        {
            sentences.Add((start, end));
        }
    }

    private static int BreakBefore(string text, int start, int limit)
    {
        foreach (var separator in Separators)
        {
            var at = text.LastIndexOf(separator, limit - 1, limit - start - 1, StringComparison.Ordinal);
            if (at > start + (CleaningRules.MaxSentenceChars / 2))
            {
                return at + separator.Length - 1;
            }
        }

        return limit;
    }

    private static (int Start, int End) Trim(string text, int start, int end)
    {
        while (start < end && text[start] == ' ')
        {
            start++;
        }

        while (end > start && text[end - 1] == ' ')
        {
            end--;
        }

        return (start, end);
    }
}
