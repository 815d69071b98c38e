namespace Clinic.Knowledge.Embeddings;

/// <summary>Which sentence embedder answers, bound from the <c>Knowledge:Embeddings</c> configuration section.</summary>
public sealed class EmbeddingOptions
{
    /// <summary>The configuration section these options bind to.</summary>
    public const string SectionName = "Knowledge:Embeddings";

    /// <summary>The embedding provider; <c>Local</c> is <see cref="UniversalSentenceEncoder"/> in process.</summary>
    public string Provider { get; set; } = "Local";

    /// <summary>Folder holding model.json, vocab.json and the weight shards; null means <see cref="UniversalSentenceEncoder.DefaultModelDirectory"/>.</summary>
    public string? ModelPath { get; set; }
}
