namespace Clinic.Knowledge.Ingestion;

/// <summary>
/// Splits collapsed paragraph text into sentences. Conservative: when unsure it keeps text together, because a
/// wrongly merged sentence still quotes correctly while a wrongly split one can cut a dose from its unit.
/// </summary>
internal static class SentenceSplitter
{
    // Abbreviations after which a period never ends a sentence ("Dr. Smith", "e.g. Prozac", "U.S. Food").
    private static readonly HashSet<string> Abbreviations = new(StringComparer.OrdinalIgnoreCase)
    {
        "e.g", "i.e", "dr", "drs", "mr", "mrs", "ms", "prof", "vs", "st", "fig", "figs", "cf", "approx", "al",
        "u.s", "u.k", "u.s.a", "ph.d", "m.d", "jr", "sr", "mt", "dept", "ca", "viz", "esp", "incl", "resp",
    };

    private const string Terminators = ".!?…";
    private const string Closers = "”’\"')]";
    private const string Openers = "“‘\"'([";

    /// <summary>Returns half-open, trimmed sentence ranges in <paramref name="text"/>.</summary>
    public static List<(int Start, int End)> Split(string text)
    {
        var sentences = new List<(int Start, int End)>();
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (!Terminators.Contains(text[i]))
            {
                continue;
            }

            var end = i + 1;
            while (end < text.Length && Terminators.Contains(text[end]))
            {
                end++;
            }

            while (end < text.Length && Closers.Contains(text[end]) && (end + 1 == text.Length || !char.IsLetterOrDigit(text[end + 1])))
            {
                end++;
            }

            if (IsBoundary(text, start, i, end))
            {
                Add(sentences, text, start, end);
                start = end;
            }

            i = end - 1;
        }

        Add(sentences, text, start, text.Length);
        return sentences;
    }

    /// <summary>Whether a line's content ends a sentence, so the next line may start something new.</summary>
    public static bool EndsSentence(string line)
    {
        var end = line.Length;
        while (end > 0 && Closers.Contains(line[end - 1]))
        {
            end--;
        }

        if (end == 0 || !Terminators.Contains(line[end - 1]))
        {
            return false;
        }

        return line[end - 1] != '.' || !IsAbbreviation(line, 0, end - 1);
    }

    private static bool IsBoundary(string text, int sentenceStart, int terminator, int end)
    {
        if (end == text.Length)
        {
            return true;
        }

        if (text[terminator] == '.' && IsAbbreviation(text, sentenceStart, terminator))
        {
            return false;
        }

        if (text[end] == ' ')
        {
            var next = end + 1 < text.Length ? text[end + 1] : ' ';
            return char.IsUpper(next) || (char.IsDigit(next) && !IsNumberAbbreviation(text, terminator))
                || Openers.Contains(next) || next is '•' or '-' or '–' or '—';
        }

        // "factors.That being said": a page joined two sentences without a space. Only after a real lowercase
        // word and before a capitalised word, so "U.S.", "0.5", "e.g.X" and chemical names stay whole.
        return char.IsUpper(text[end]) && end + 1 < text.Length && char.IsLower(text[end + 1])
            && end == terminator + 1 && PrecedingWordIsLowercase(text, terminator);
    }

    private static bool IsAbbreviation(string text, int sentenceStart, int period)
    {
        var tokenStart = period;
        while (tokenStart > 0 && !char.IsWhiteSpace(text[tokenStart - 1]))
        {
            tokenStart--;
        }

        while (tokenStart < period && Openers.Contains(text[tokenStart]))
        {
            tokenStart++;
        }

        var token = text[tokenStart..period];
        if (token.Length == 1 && char.IsLetter(token[0]))
        {
            return true; // an initial or an outline label: "A. Definition", "J. Smith"
        }

        while (sentenceStart < period && text[sentenceStart] == ' ')
        {
            sentenceStart++;
        }

        if (tokenStart == sentenceStart && IsRomanNumeral(token))
        {
            return true; // "IV. Precautions ..." at the start of a paragraph
        }

        return Abbreviations.Contains(token);
    }

    private static bool IsNumberAbbreviation(string text, int period) =>
        period >= 2 && (text[period - 2] is 'N' or 'n') && text[period - 1] == 'o'
            && (period == 2 || !char.IsLetter(text[period - 3]));

    private static bool IsRomanNumeral(string token) =>
        token.Length is > 0 and <= 5 && token.All(c => c is 'I' or 'V' or 'X' or 'L' or 'C');

    private static bool PrecedingWordIsLowercase(string text, int terminator)
    {
        var length = 0;
        for (var i = terminator - 1; i >= 0 && char.IsLetter(text[i]); i--)
        {
            if (!char.IsLower(text[i]))
            {
                return false;
            }

            length++;
        }

        return length >= 2 && !Abbreviations.Contains(text[(terminator - length)..terminator]);
    }

    private static void Add(List<(int Start, int End)> sentences, string text, int start, int end) =>
        RunOnCutter.Add(sentences, text, start, end);
}
