using Clinic.Knowledge.Corpus;

namespace Clinic.Knowledge.Ingestion;

/// <summary>
/// Turns lines into blocks: drops page furniture by whole-line rules, finds headings (Markdown marks in .md,
/// the shape of the line and its neighbours in plain text), rejoins hard-wrapped lines into paragraphs.
/// </summary>
internal static class DocumentParser
{
    public static List<Block> Parse(string id, string text, bool markdown, List<DroppedText> dropped)
    {
        var lines = SourceLine.Read(text);
        var kinds = new LineKind[lines.Count];
        var rules = new string?[lines.Count];
        var headings = new string?[lines.Count];
        var frontMatterEnd = markdown ? FrontMatterEnd(lines) : -1;
        for (var i = 0; i < lines.Count; i++)
        {
            if (i <= frontMatterEnd)
            {
                (kinds[i], rules[i]) = lines[i].IsBlank ? (LineKind.Blank, null) : (LineKind.Dropped, "front-matter");
                continue;
            }

            Classify(lines, i, markdown, kinds, rules, headings);
        }

        if (!markdown)
        {
            LineHeuristics.Apply(lines, kinds, rules);
        }

        return BuildBlocks(id, text, lines, kinds, rules, headings, dropped);
    }

    // A Markdown file may open with a "---" metadata block; it is settings, not text.
    private static int FrontMatterEnd(List<SourceLine> lines)
    {
        if (lines.Count == 0 || lines[0].Content != "---")
        {
            return -1;
        }

        return lines.FindIndex(1, line => line.Content is "---" or "...");
    }

    private static void Classify(List<SourceLine> lines, int i, bool markdown, LineKind[] kinds, string?[] rules, string?[] headings)
    {
        var content = lines[i].Content;
        if (lines[i].IsBlank)
        {
            kinds[i] = LineKind.Blank;
            return;
        }

        var atx = markdown ? LineRules.MarkdownHeading().Match(content) : null;
        if (atx is { Success: true })
        {
            kinds[i] = LineKind.Heading;
            headings[i] = Whitespace.Collapse(atx.Groups["text"].Value);
            return;
        }

        if (markdown && i > 0 && kinds[i - 1] == LineKind.Text && LineRules.SetextUnderline().IsMatch(content))
        {
            kinds[i - 1] = LineKind.Heading;
            headings[i - 1] = lines[i - 1].Content;
            kinds[i] = LineKind.HeadingContinuation; // the underline belongs to the heading above it
            return;
        }

        var rule = content.Length <= LineRules.MaxFurnitureChars ? Array.Find(LineRules.Drops, r => r.IsMatch(content)) : null;
        if (rule is not null)
        {
            (kinds[i], rules[i]) = (LineKind.Dropped, rule.Name);
            return;
        }

        if (LineRules.Separator().IsMatch(content))
        {
            (kinds[i], rules[i]) = (LineKind.Separator, "separator");
            return;
        }

        var bullet = LineRules.BulletMarker().Match(content);
        kinds[i] = bullet.Success && bullet.Length < content.Length ? LineKind.Bullet : LineKind.Text;
    }

    private static List<Block> BuildBlocks(
        string id, string text, List<SourceLine> lines, LineKind[] kinds, string?[] rules, string?[] headings, List<DroppedText> dropped)
    {
        var blocks = new List<Block>();
        Block? open = null;
        void Close()
        {
            if (open is not null)
            {
                blocks.Add(open);
                open = null;
            }
        }

        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            switch (kinds[i])
            {
                case LineKind.Blank:
                    Close();
                    break;
                case LineKind.Dropped or LineKind.Separator:
                    Close();
                    dropped.Add(new DroppedText(id, line.Content, rules[i]!, line.Start));
                    if (kinds[i] == LineKind.Separator)
                    {
                        blocks.Add(new Block(BlockKind.Divider, line.Start, line.End));
                    }

                    break;
                case LineKind.Heading:
                    Close();
                    var end = i;
                    while (end + 1 < lines.Count && kinds[end + 1] == LineKind.HeadingContinuation)
                    {
                        end++;
                    }

                    var heading = headings[i] ?? Whitespace.Collapse(text.AsSpan(line.Start, lines[end].End - line.Start));
                    blocks.Add(new Block(BlockKind.Heading, line.Start, lines[end].End, heading));
                    i = end;
                    break;
                case LineKind.Bullet:
                    Close();
                    var marker = LineRules.BulletMarker().Match(line.Content).Length;
                    open = new Block(BlockKind.ListItem, line.Start + marker, line.End);
                    break;
                case LineKind.Text when open is not null && (open.Kind == BlockKind.Paragraph || TextShape.StartsAsContinuation(line.Content)):
                    open = open with { End = line.End };
                    break;
                default:
                    Close();
                    open = new Block(BlockKind.Paragraph, line.Start, line.End);
                    break;
            }
        }

        Close();
        return blocks;
    }
}
