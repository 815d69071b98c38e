using Clinic.Knowledge.Corpus;

namespace Clinic.Knowledge.Ingestion;

/// <summary>
/// Cleans one corpus document and cuts it into chunks: rejoins hard-wrapped lines, finds headings and the title,
/// drops web-page furniture and other clinics' marketing (recording each drop and its rule), splits sentences
/// and keeps every sentence's exact range in the original text. Pure and thread-safe.
/// </summary>
public sealed class DocumentCleaner
{
    /// <summary>Cleans and chunks <paramref name="originalText"/>.</summary>
    /// <param name="id">The file name; a <c>.md</c> or <c>.markdown</c> name switches to Markdown headings.</param>
    /// <param name="originalText">The text exactly as read; every offset in the result points into it.</param>
    public CleanedDocument Clean(string id, string originalText)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        ArgumentNullException.ThrowIfNull(originalText);

        var markdown = id.EndsWith(".md", StringComparison.OrdinalIgnoreCase) || id.EndsWith(".markdown", StringComparison.OrdinalIgnoreCase);
        var dropped = new List<DroppedText>();
        var blocks = DocumentParser.Parse(id, originalText, markdown, dropped);
        var sentences = blocks.Select(block => Sentences(originalText, block)).ToList();
        var kept = SentenceFilter.Apply(id, originalText, sentences, dropped);
        var title = TitleSelector.Select(id, blocks, kept);
        var chunks = Chunker.Build(id, title, blocks, kept);
        dropped.Sort((a, b) => a.Start.CompareTo(b.Start));
        return new CleanedDocument(id, title, originalText, chunks, dropped);
    }

    private static List<SourceSpan> Sentences(string original, Block block)
    {
        if (block.Kind is not (BlockKind.Paragraph or BlockKind.ListItem))
        {
            return [];
        }

        var collapsed = CollapsedText.Of(original, block.Start, block.End);
        return SentenceSplitter.Split(collapsed.Text)
            .Select(range =>
            {
                var (start, end) = collapsed.ToOriginal(range.Start, range.End);
                return new SourceSpan(collapsed.Text[range.Start..range.End], start, end);
            })
            .ToList();
    }
}
