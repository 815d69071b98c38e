namespace Clinic.Knowledge.Ingestion;

/// <summary>Judgements about how a line looks: heading-like, caption-like, a continuation of the line before.</summary>
internal static class TextShape
{
    public const int MaxHeadingChars = 120;

    // Words a title-cased heading leaves in lower case; they do not count for or against title case.
    private static readonly HashSet<string> MinorWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "a", "an", "the", "and", "or", "but", "nor", "for", "of", "to", "in", "on", "at", "by", "with", "from",
        "as", "vs", "via", "per", "into", "onto", "than", "its", "is", "are", "be", "&",
    };

    // A heading never ends on these, so a line that does continues on the next line ("What To" / "Expect").
    private static readonly HashSet<string> ConnectorWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "a", "an", "the", "and", "or", "for", "of", "to", "in", "on", "at", "by", "with", "from", "into", "vs",
        "&", "-", "–", "—", ":", "about", "how", "what", "why", "when", "your",
    };

    /// <summary>Short, starts like a title, and does not end like a sentence (a question mark is allowed).</summary>
    public static bool CouldBeHeading(string line)
    {
        if (line.Length is 0 or > MaxHeadingChars || WordCount(line) > 18 || !StartsCapitalised(line))
        {
            return false;
        }

        return line[^1] is not ('.' or ',' or ';' or ':' or '!' or '…');
    }

    /// <summary>Most significant words capitalised, as in "Who Could Benefit From Ketamine Therapy?".</summary>
    public static bool IsTitleCase(string line)
    {
        var words = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 1)
        {
            return StartsCapitalised(words[0]);
        }

        int counted = 0, capitalised = 0;
        foreach (var raw in words.Skip(1))
        {
            var word = raw.TrimStart('“', '‘', '"', '\'', '(', '[');
            if (word.Length == 0 || !char.IsLetter(word[0]) || MinorWords.Contains(word.TrimEnd('?', ',', ':')))
            {
                continue;
            }

            counted++;
            capitalised += char.IsUpper(word[0]) ? 1 : 0;
        }

        return counted == 0 || capitalised >= 0.7 * counted;
    }

    /// <summary>A single short question standing on its own line, as FAQ pages write their questions.</summary>
    public static bool IsQuestion(string line) =>
        line.Length <= 100 && line[^1] == '?' && SentenceSplitter.Split(line).Count == 1;

    /// <summary>A wrapped heading continues when its line ends on a word no heading ends with.</summary>
    public static bool EndsWithConnector(string line)
    {
        var lastSpace = line.LastIndexOf(' ');
        return ConnectorWords.Contains(lastSpace < 0 ? line : line[(lastSpace + 1)..]);
    }

    /// <summary>A line that starts in lower case or mid-phrase carries on the line before it.</summary>
    public static bool StartsAsContinuation(string line) =>
        line.Length > 0 && !char.IsUpper(line[0]) && line[0] is not ('“' or '‘' or '"');

    /// <summary>Lower-case, unpunctuated, short: how image alt texts and category labels look ("addiction").</summary>
    public static bool LooksLikeCaption(string line) =>
        line.Length is > 0 and <= 100 && char.IsLower(line[0]) && line[^1] is not ('.' or '!' or '?' or ':' or ';');

    public static int WordCount(string line) => line.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;

    private static bool StartsCapitalised(string text)
    {
        var i = 0;
        while (i < text.Length && text[i] is '“' or '‘' or '"' or '\'' or '(' or '[')
        {
            i++;
        }

        return i < text.Length && char.IsUpper(text[i]);
    }
}
