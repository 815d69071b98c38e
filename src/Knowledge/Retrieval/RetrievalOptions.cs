namespace Clinic.Knowledge.Retrieval;

/// <summary>How retrieval ranks and when it gives up (section <c>Knowledge:Retrieval</c>).</summary>
public sealed class RetrievalOptions
{
    /// <summary>Passages handed to answer composition.</summary>
    public int TopK { get; set; } = 5;

    /// <summary>0 (default): rank by dense cosine plus weighted, max-scaled BM25. Above 0: reciprocal rank fusion with this constant (measured worse here).</summary>
    public int RrfK { get; set; } = 0;

    /// <summary>How much the lexical (BM25, scaled to the best match) score counts against the dense cosine when ranking.</summary>
    public double LexicalWeight { get; set; } = 0.6;

    /// <summary>Weight of a synonym or spelling expansion relative to a word the visitor typed.</summary>
    public double ExpansionWeight { get; set; } = 0.5;

    /// <summary>Questions longer than this (characters) are refused before any work, with a clear message.</summary>
    public int MaxQuestionLength { get; set; } = 4000;
}
