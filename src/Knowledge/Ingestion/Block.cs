namespace Clinic.Knowledge.Ingestion;

internal enum BlockKind
{
    /// <summary>Starts a section; <see cref="Block.Heading"/> holds its text.</summary>
    Heading,

    /// <summary>Consecutive text lines, hard wraps included.</summary>
    Paragraph,

    /// <summary>One list item, without its marker.</summary>
    ListItem,

    /// <summary>A divider line: chunks do not run across it, the section stays.</summary>
    Divider,
}

/// <summary>A structural piece of a document: <see cref="Start"/>..<see cref="End"/> is its range in the original text.</summary>
internal sealed record Block(BlockKind Kind, int Start, int End, string? Heading = null);
