namespace Clinic.Knowledge.Search;

/// <summary>Where the chunks are searched.</summary>
public enum SearchProvider
{
    /// <summary>The in-process index; nothing leaves the machine. The default.</summary>
    InProcess,

    /// <summary>An Azure AI Search index (hybrid: full text and vectors), for corpora beyond one machine's memory.</summary>
    AzureAISearch,
}
