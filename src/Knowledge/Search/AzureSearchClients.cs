using Azure;
using Azure.Core.Pipeline;
using Azure.Core;
using Azure.Search.Documents;
using Azure.Search.Documents.Indexes;

namespace Clinic.Knowledge.Search;

/// <summary>
/// The Azure AI Search clients: one for creating and uploading the index (long budget), one for visitors' queries
/// (short budget, its breaker watched by the health check). Each runs over a caller's resilient HttpClient, with the
/// SDK's own retries off so attempts do not multiply.
/// </summary>
internal sealed record AzureSearchClients(SearchIndexClient Indexing, SearchClient Query)
{
    public static AzureSearchClients Create(SearchOptions options, TokenCredential? entraId, HttpClient query, HttpClient indexing)
    {
        var endpoint = new Uri(options.Endpoint);
        if (entraId is { } credential)
        {
            return new AzureSearchClients(
                new SearchIndexClient(endpoint, credential, ClientOptions(indexing, options.IndexingTimeout)),
                new SearchClient(endpoint, options.IndexName, credential, ClientOptions(query, options.Timeout)));
        }
        var key = new AzureKeyCredential(options.ApiKey);
        return new AzureSearchClients(
            new SearchIndexClient(endpoint, key, ClientOptions(indexing, options.IndexingTimeout)),
            new SearchClient(endpoint, options.IndexName, key, ClientOptions(query, options.Timeout)));
    }

    private static SearchClientOptions ClientOptions(HttpClient http, TimeSpan budget)
    {
        var options = new SearchClientOptions { Transport = new HttpClientTransport(http) };
        options.Retry.MaxRetries = 0;
        // The HttpClient's pipeline owns the deadlines; the SDK's 100 s network timeout only backstops it.
        options.Retry.NetworkTimeout = budget + TimeSpan.FromSeconds(5);
        return options;
    }
}
