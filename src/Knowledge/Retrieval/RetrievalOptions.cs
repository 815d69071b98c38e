namespace Clinic.Knowledge.Retrieval;

/// <summary>How retrieval ranks and when it gives up (section <c>Knowledge:Retrieval</c>).</summary>
public sealed class RetrievalOptions
{
    /// <summary>Passages handed to answer composition.</summary>
    public int TopK { get; set; } = 5;

    /// <summary>The reciprocal-rank-fusion constant: larger flattens the difference between ranks.</summary>
    public int RrfK { get; set; } = 60;

    /// <summary>Weight of a synonym or spelling expansion relative to a word the visitor typed.</summary>
    public double ExpansionWeight { get; set; } = 0.5;

    /// <summary>Questions longer than this (characters) are refused before any work, with a clear message.</summary>
    public int MaxQuestionLength { get; set; } = 4000;
}
