using Clinic.Knowledge.Resilience;

namespace Clinic.Knowledge.Search;

/// <summary>
/// Where the chunks are searched (section <c>Knowledge:Search</c>): in process (the default) or an Azure AI Search
/// index. The inherited budget applies to a visitor's query; past it, or with the service down, the visitor gets a
/// polite decline that offers staff.
/// </summary>
public sealed class SearchOptions : ResilienceOptions
{
    /// <summary>The configuration section these options bind to.</summary>
    public const string SectionName = "Knowledge:Search";

    /// <summary>A query's budget, retries included, and one attempt's: a share of the visitor's 3 s.</summary>
    public SearchOptions()
    {
        Timeout = TimeSpan.FromSeconds(1.5);
        AttemptTimeout = TimeSpan.FromSeconds(1);
        RetryDelay = TimeSpan.FromMilliseconds(100);
    }

    /// <summary><c>InProcess</c> (default) or <c>AzureAISearch</c>.</summary>
    public SearchProvider Provider { get; set; } = SearchProvider.InProcess;

    /// <summary>The service address, <c>https://SERVICE.search.windows.net</c>.</summary>
    public string Endpoint { get; set; } = "";

    /// <summary>The index the chunks live in; created (or recreated when the vector length changes) by the app.</summary>
    public string IndexName { get; set; } = "clinic-knowledge";

    /// <summary>An admin key (the app creates the index and uploads); a secret, so never in a file in the repository. Leave empty with <see cref="UseEntraId"/>.</summary>
    public string ApiKey { get; set; } = "";

    /// <summary>
    /// Authenticate with Entra ID (managed identity, or the developer's sign-in) instead of a key; the identity needs the
    /// Search Service Contributor and Search Index Data Contributor roles.
    /// </summary>
    public bool UseEntraId { get; set; }

    /// <summary>
    /// Chunks a query asks the service for (text and vector candidates alike); they are ordered by the in-process signals
    /// and the best <c>Knowledge:Retrieval:TopK</c> kept.
    /// </summary>
    public int Candidates { get; set; } = 50;

    /// <summary>Chunks sent in one upload request (Azure accepts up to 1,000 documents and 16 MB).</summary>
    public int BatchSize { get; set; } = 100;

    /// <summary>The budget of one request while the index is created or uploaded, retries included (no visitor waits on it).</summary>
    public TimeSpan IndexingTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>These options with the indexing budget: creating the index and uploading are not a visitor's wait.</summary>
    internal SearchOptions ForIndexing()
    {
        var copy = (SearchOptions)MemberwiseClone();
        copy.Timeout = IndexingTimeout;
        copy.AttemptTimeout = IndexingTimeout / 2;
        return copy;
    }
}
