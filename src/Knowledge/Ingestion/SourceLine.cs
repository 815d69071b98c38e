namespace Clinic.Knowledge.Ingestion;

/// <summary>One line of the original text; <see cref="Start"/>..<see cref="End"/> is its content without outer white space.</summary>
internal readonly record struct SourceLine(int Start, int End, string Content)
{
    public bool IsBlank => Content.Length == 0;

    /// <summary>Splits on CRLF, LF or CR, keeping offsets into <paramref name="text"/>.</summary>
    public static List<SourceLine> Read(string text)
    {
        var lines = new List<SourceLine>();
        var lineStart = 0;
        for (var i = 0; i <= text.Length; i++)
        {
            if (i < text.Length && text[i] != '\n' && text[i] != '\r')
            {
                continue;
            }

            lines.Add(Trimmed(text, lineStart, i));
            if (i < text.Length - 1 && text[i] == '\r' && text[i + 1] == '\n')
            {
                i++;
            }

            lineStart = i + 1;
        }

        return lines;
    }

    private static SourceLine Trimmed(string text, int start, int end)
    {
        while (start < end && char.IsWhiteSpace(text[start]))
        {
            start++;
        }

        while (end > start && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }

        return new SourceLine(start, end, text[start..end]);
    }
}
