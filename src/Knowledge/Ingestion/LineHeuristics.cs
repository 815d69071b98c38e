namespace Clinic.Knowledge.Ingestion;

/// <summary>
/// Plain-text structure from line shapes. A heading is a short line that starts after a sentence ended, does
/// not end like a sentence, is not carried on by the next line, and is title-cased, a lone question, or stands
/// between blank lines. Hard-wrapped paragraphs start with short lines too; those continue in lower case.
/// </summary>
internal static class LineHeuristics
{
    private const int MaxLooseHeadingWords = 12;

    public static void Apply(List<SourceLine> lines, LineKind[] kinds, string?[] rules)
    {
        for (var i = 0; i < lines.Count; i++)
        {
            if (kinds[i] != LineKind.Text)
            {
                continue;
            }

            var content = lines[i].Content;
            var blankBefore = i == 0 || kinds[i - 1] is LineKind.Blank or LineKind.Dropped;
            var blankAfter = i == lines.Count - 1 || kinds[i + 1] is LineKind.Blank or LineKind.Dropped;
            if (blankBefore && blankAfter && TextShape.LooksLikeCaption(content))
            {
                (kinds[i], rules[i]) = (LineKind.Dropped, "image-caption");
                continue;
            }

            if (IsHeading(lines, kinds, i))
            {
                kinds[i] = LineKind.Heading;
                i = AbsorbWrappedHeading(lines, kinds, i);
            }
        }
    }

    private static bool IsHeading(List<SourceLine> lines, LineKind[] kinds, int i)
    {
        var content = lines[i].Content;
        var breakBefore = i == 0 || kinds[i - 1] != LineKind.Text;
        var sentenceBefore = !breakBefore && SentenceSplitter.EndsSentence(lines[i - 1].Content);
        var breakAfter = i == lines.Count - 1 || kinds[i + 1] != LineKind.Text;
        var continuesAfter = !breakAfter && TextShape.StartsAsContinuation(lines[i + 1].Content);
        if (!(breakBefore || sentenceBefore) || continuesAfter || !TextShape.CouldBeHeading(content))
        {
            return false;
        }

        return TextShape.IsTitleCase(content)
            || TextShape.IsQuestion(content)
            || (breakBefore && breakAfter && TextShape.WordCount(content) <= MaxLooseHeadingWords);
    }

    // "Ketamine Therapy: How It Works & What To" / "Expect": a heading wrapped like the body text around it.
    private static int AbsorbWrappedHeading(List<SourceLine> lines, LineKind[] kinds, int i)
    {
        var last = i;
        var length = lines[i].Content.Length;
        while (last + 1 < lines.Count && kinds[last + 1] == LineKind.Text && TextShape.EndsWithConnector(lines[last].Content))
        {
            var next = lines[last + 1].Content;
            var continuesAfter = last + 2 < lines.Count && kinds[last + 2] == LineKind.Text
                && TextShape.StartsAsContinuation(lines[last + 2].Content);
            length += 1 + next.Length;
            if (continuesAfter || length > TextShape.MaxHeadingChars || !TextShape.CouldBeHeading(next) || !TextShape.IsTitleCase(next))
            {
                break;
            }

            kinds[++last] = LineKind.HeadingContinuation;
        }

        return last;
    }
}
