namespace Clinic.Knowledge.Corpus;

/// <summary>A retrievable piece of one document: consecutive sentences of one section.</summary>
/// <param name="Id">Stable id, <c>{DocumentId}#{ordinal}</c>.</param>
/// <param name="DocumentId">The source file name, for example <c>000_dbca475f5f11b165.txt</c>.</param>
/// <param name="Title">The document's title, derived from its text.</param>
/// <param name="Section">The heading of the section the sentences sit under (the title when there is none).</param>
/// <param name="Sentences">The sentences, in document order, each with its offsets into the original file.</param>
public sealed record Chunk(string Id, string DocumentId, string Title, string Section, IReadOnlyList<SourceSpan> Sentences)
{
    /// <summary>The sentences joined by single spaces.</summary>
    public string Text => string.Join(' ', Sentences.Select(s => s.Text));

    /// <summary>Offset of the chunk's first character in the original file.</summary>
    public int Start => Sentences[0].Start;

    /// <summary>Offset one past the chunk's last character in the original file.</summary>
    public int End => Sentences[^1].End;
}
