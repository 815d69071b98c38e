namespace Clinic.Knowledge.Corpus;

/// <summary>A corpus document after cleaning and chunking.</summary>
/// <param name="Id">The source file name.</param>
/// <param name="Title">The title derived from the document.</param>
/// <param name="OriginalText">The file's text exactly as read, which the chunks' offsets point into.</param>
/// <param name="Chunks">The chunks in document order.</param>
/// <param name="Dropped">What the cleaner removed, and why.</param>
public sealed record CleanedDocument(
    string Id,
    string Title,
    string OriginalText,
    IReadOnlyList<Chunk> Chunks,
    IReadOnlyList<DroppedText> Dropped);
