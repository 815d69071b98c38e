using System.Text.RegularExpressions;
using Azure;
using Azure.Search.Documents;
using Azure.Search.Documents.Models;
using Clinic.Knowledge.Indexing;
using Clinic.Knowledge.Resilience;
using Clinic.Knowledge.Retrieval;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using AzureQuery = Azure.Search.Documents.SearchOptions;

namespace Clinic.Knowledge.Search;

/// <summary>
/// Chunks searched in an Azure AI Search index: a hybrid query (full text, and the question's vector against chunk and
/// heading vectors, fused by the service) finds <see cref="SearchOptions.Candidates"/> chunks; they are mapped back to
/// the in-memory index and ordered by the same signals as in process, so the answer thresholds calibrated on the dev
/// set still hold and answers are composed, cited and verified unchanged. The index is uploaded when it holds another
/// index key.
/// </summary>
public sealed partial class AzureSearchPassageStore : IPassageStore
{
    private readonly AzureSearchClients _clients;
    private readonly SearchOptions _options;
    private readonly RetrievalOptions _retrieval;
    private readonly SearchHealth _health;
    private readonly ILogger<AzureSearchPassageStore> _logger;
    private readonly AzureSearchIndexer _indexer;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private volatile Synced? _synced;
    private volatile string? _attemptedKey;

    internal AzureSearchPassageStore(
        AzureSearchClients clients, IOptions<SearchOptions> options, IOptions<RetrievalOptions> retrieval, SearchHealth health,
        ILogger<AzureSearchPassageStore> logger)
    {
        _clients = clients;
        _options = options.Value;
        _retrieval = retrieval.Value;
        _health = health;
        _logger = logger;
        _indexer = new AzureSearchIndexer(clients.Indexing, _options, logger);
    }

    // The index key the service holds, and where each chunk id sits in every index of that key.
    private sealed record Synced(string Key, Dictionary<string, int> Positions);

    /// <inheritdoc />
    public async Task<PassageStoreSync> SyncAsync(KnowledgeIndex index, CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            return await SyncLockedAsync(index, cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<RetrievedPassage>> RankAsync(
        KnowledgeIndex index, AnalyzedQuery query, string searchText, float[] queryVector, CancellationToken cancellationToken = default)
    {
        var synced = _synced is { } s && s.Key == index.Key ? s : await SyncForQueryAsync(index, cancellationToken);
        var request = new AzureQuery { Size = _options.Candidates, Filter = SearchSchema.KeyFilter("eq", SearchSchema.StoredKey(index)) };
        request.Select.Add(SearchSchema.ChunkId);
        // A zero vector (the embedder is down) has no direction to search by; the words alone rank then.
        if (queryVector.Any(x => x != 0))
        {
            request.VectorSearch = new VectorSearchOptions
            {
                Queries = { new VectorizedQuery(queryVector) { KNearestNeighborsCount = _options.Candidates } },
            };
            foreach (var field in SearchSchema.VectorFields)
                request.VectorSearch.Queries[0].Fields.Add(field);
        }
        try
        {
            var found = new List<string>();
            var response = await _clients.Query.SearchAsync<SearchDocument>(QueryText(searchText), request, cancellationToken);
            await foreach (var result in response.Value.GetResultsAsync().WithCancellation(cancellationToken))
            {
                found.Add(result.Document.TryGetValue(SearchSchema.ChunkId, out var id) && id is string chunkId
                    ? chunkId
                    : throw new FormatException("a result has no chunk id"));
                if (found.Count == _options.Candidates)
                    break;
            }
            _health.CallSucceeded();
            return ToPassages(index, synced.Positions, query, queryVector, found);
        }
        catch (Exception e) when (Describe(e, cancellationToken) is { } what)
        {
            _health.CallFailed();
            _logger.LogWarning("Azure AI Search query failed, declining the question: {Reason}", what);
            throw Fault($"the query failed: {what}", e);
        }
    }

    private List<RetrievedPassage> ToPassages(
        KnowledgeIndex index, Dictionary<string, int> positions, AnalyzedQuery query, float[] vector, List<string> found)
    {
        // The filter keeps other index keys out; a chunk id that is still unknown is skipped, not trusted.
        var candidates = found.Select(id => positions.GetValueOrDefault(id, -1)).Where(c => c >= 0).Distinct().ToArray();
        return PassageScores.Rank(index, query, vector, candidates, _retrieval);
    }

    private async Task<Synced> SyncForQueryAsync(KnowledgeIndex index, CancellationToken cancellationToken)
    {
        // A visitor never waits for an upload another caller is running, nor retries one that failed: the warm-up does.
        if (_attemptedKey == index.Key || !await _gate.WaitAsync(0, cancellationToken))
            throw Fault("the index is not ready yet (being uploaded, or the last attempt failed and is retried in the background)", null);
        try
        {
            await SyncLockedAsync(index, cancellationToken);
            return _synced!;
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<PassageStoreSync> SyncLockedAsync(KnowledgeIndex index, CancellationToken cancellationToken)
    {
        if (_synced?.Key == index.Key)
            return new PassageStoreSync("UpToDate");
        _attemptedKey = index.Key;
        try
        {
            var report = await _indexer.SyncAsync(index, cancellationToken);
            _synced = new Synced(index.Key, index.Chunks.Select((chunk, i) => (chunk.Id, i)).ToDictionary(x => x.Id, x => x.i, StringComparer.Ordinal));
            _health.Synced();
            return report;
        }
        catch (Exception e) when (Describe(e, cancellationToken) is { } what)
        {
            _health.SyncFailed(what);
            _logger.LogError("The Azure AI Search index '{Index}' could not be prepared: {Reason}", _options.IndexName, what);
            throw Fault($"the index could not be prepared: {what}", e);
        }
    }

    // The service's own error text is never logged (it may echo the query); only the status or the kind of failure.
    private static string? Describe(Exception e, CancellationToken cancellationToken) => e switch
    {
        SearchServiceException s => s.Message,
        RequestFailedException { Status: 403 or 401 } r => $"HTTP {r.Status}: the key or the identity's roles do not allow it",
        _ => ServiceFault.Describe(e, cancellationToken)
             ?? (e is InvalidOperationException or KeyNotFoundException or InvalidCastException ? "its response was malformed" : null),
    };

    private SearchServiceException Fault(string what, Exception? inner) => new(
        $"Azure AI Search at {new Uri(_options.Endpoint).Host} (index '{_options.IndexName}'): {what}. "
        + "Check Knowledge:Search:Endpoint, IndexName and ApiKey (or, with UseEntraId, the identity's Search roles); "
        + "questions are declined with an offer of staff until it answers.", inner);

    // Visitor text is searched as words: simple-syntax operators (+ | - " * ( ) ...) would let a question reshape the query.
    internal static string QueryText(string question)
    {
        var words = NotAWord().Replace(question, " ").Trim();
        return words.Length == 0 ? "*" : words;
    }

    [GeneratedRegex(@"[^\p{L}\p{N}']+")]
    private static partial Regex NotAWord();
}
