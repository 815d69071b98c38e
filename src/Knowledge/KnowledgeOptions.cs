namespace Clinic.Knowledge;

/// <summary>Where the corpus and the index live (section <c>Knowledge</c>).</summary>
public sealed class KnowledgeOptions
{
    /// <summary>The folder of <c>.txt</c> and <c>.md</c> documents the bot answers from; relative paths are under the content root.</summary>
    public string CorpusPath { get; set; } = "corpus";

    /// <summary>The index file; rebuilt automatically when the corpus, the cleaning rules or the model change.</summary>
    public string IndexPath { get; set; } = "data/knowledge.index";
}
