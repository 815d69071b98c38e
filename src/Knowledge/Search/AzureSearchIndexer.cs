using System.Diagnostics;
using Azure;
using Azure.Search.Documents;
using Azure.Search.Documents.Indexes;
using Azure.Search.Documents.Models;
using Clinic.Knowledge.Indexing;
using Clinic.Knowledge.Retrieval;
using Microsoft.Extensions.Logging;
using AzureQuery = Azure.Search.Documents.SearchOptions;

namespace Clinic.Knowledge.Search;

/// <summary>
/// Makes the Azure AI Search index hold an in-memory index's chunks: creates the schema (recreates it when the vector
/// length changed), uploads in batches only when the service does not already hold every chunk under the same index
/// key (the hash of corpus, cleaning rules and model the local index file uses), then deletes chunks of other keys.
/// </summary>
internal sealed class AzureSearchIndexer(SearchIndexClient admin, SearchOptions options, ILogger logger)
{
    private const int DeletePage = 1000;

    public async Task<PassageStoreSync> SyncAsync(KnowledgeIndex index, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        await EnsureSchemaAsync(index.ChunkVectors.Dimensions, cancellationToken);
        var documents = admin.GetSearchClient(options.IndexName);
        var key = SearchSchema.StoredKey(index);
        var held = await CountAsync(documents, SearchSchema.KeyFilter("eq", key), cancellationToken);
        var uploaded = held == index.Chunks.Count ? 0 : await UploadAsync(documents, index, key, cancellationToken);
        var deleted = await DeleteOtherKeysAsync(documents, key, cancellationToken);
        var outcome = uploaded > 0 ? "Uploaded" : "UpToDate";
        logger.LogInformation("Azure AI Search index '{Index}' {Outcome}: {Uploaded} chunks uploaded, {Deleted} of other index keys deleted in {Elapsed} ms",
            options.IndexName, outcome, uploaded, deleted, (int)clock.Elapsed.TotalMilliseconds);
        return new PassageStoreSync(outcome, uploaded, deleted);
    }

    private async Task EnsureSchemaAsync(int dimensions, CancellationToken cancellationToken)
    {
        Azure.Search.Documents.Indexes.Models.SearchIndex? existing = null;
        try
        {
            existing = (await admin.GetIndexAsync(options.IndexName, cancellationToken)).Value;
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
        }
        if (existing is not null && SearchSchema.Dimensions(existing) == dimensions && SearchSchema.HasAllFields(existing))
            return;
        if (existing is not null && SearchSchema.Dimensions(existing) is { } old && old != dimensions)
        {
            // A vector field's length cannot change in place; the chunks are re-uploaded below anyway.
            logger.LogWarning("Recreating Azure AI Search index '{Index}': its vectors have {Old} dimensions, the model gives {New}",
                options.IndexName, old, dimensions);
            await admin.DeleteIndexAsync(options.IndexName, cancellationToken);
        }
        await admin.CreateOrUpdateIndexAsync(SearchSchema.Define(options.IndexName, dimensions), cancellationToken: cancellationToken);
    }

    private static async Task<long> CountAsync(SearchClient documents, string filter, CancellationToken cancellationToken)
    {
        var request = new AzureQuery { Size = 0, IncludeTotalCount = true, Filter = filter };
        var response = await documents.SearchAsync<SearchDocument>("*", request, cancellationToken);
        return response.Value.TotalCount ?? throw new FormatException("the count is missing");
    }

    private async Task<int> UploadAsync(SearchClient documents, KnowledgeIndex index, string key, CancellationToken cancellationToken)
    {
        var batch = new List<SearchDocument>(options.BatchSize);
        var sent = 0;
        for (var c = 0; c < index.Chunks.Count; c++)
        {
            batch.Add(SearchSchema.Document(index.Chunks[c], key, index.ChunkVectors.Row(c), index.SectionVectors.Row(index.ChunkSections[c])));
            if (batch.Count == options.BatchSize || c == index.Chunks.Count - 1)
            {
                await SendAsync(documents, IndexDocumentsBatch.MergeOrUpload(batch), cancellationToken);
                sent += batch.Count;
                batch.Clear();
            }
        }
        return sent;
    }

    private async Task<int> DeleteOtherKeysAsync(SearchClient documents, string key, CancellationToken cancellationToken)
    {
        // Deletions show in search results after a moment, so a page may come back again; deleting twice is harmless,
        // and the bound stops a loop that a slow service would otherwise keep going (the next start finishes the job).
        var request = new AzureQuery { Size = DeletePage, Filter = SearchSchema.KeyFilter("ne", key), IncludeTotalCount = true };
        request.Select.Add(SearchSchema.Id);
        var deleted = 0;
        for (int page = 0, pages = 1; page < pages; page++)
        {
            var response = await documents.SearchAsync<SearchDocument>("*", request, cancellationToken);
            pages = (int)Math.Min(100, (response.Value.TotalCount ?? 0) / DeletePage + 2);
            var keys = new List<string>();
            await foreach (var result in response.Value.GetResultsAsync().WithCancellation(cancellationToken))
            {
                keys.Add(result.Document.TryGetValue(SearchSchema.Id, out var id) && id is string s ? s : throw new FormatException("a result has no id"));
                if (keys.Count == DeletePage)
                    break;
            }
            if (keys.Count == 0)
                break;
            await SendAsync(documents, IndexDocumentsBatch.Delete(SearchSchema.Id, keys), cancellationToken);
            deleted += keys.Count;
        }
        return deleted;
    }

    private static async Task SendAsync(SearchClient documents, IndexDocumentsBatch<SearchDocument> batch, CancellationToken cancellationToken)
    {
        var response = await documents.IndexDocumentsAsync(batch, new IndexDocumentsOptions { ThrowOnAnyError = false }, cancellationToken);
        var refused = response.Value.Results.Where(r => !r.Succeeded).ToList();
        if (refused.Count > 0)
            throw new SearchServiceException($"{refused.Count} of {batch.Actions.Count} documents were refused (first: HTTP {refused[0].Status})");
    }
}
