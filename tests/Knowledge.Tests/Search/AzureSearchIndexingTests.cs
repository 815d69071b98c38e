using System.Text.Json.Nodes;
using Clinic.Knowledge.Search;
using Clinic.Knowledge.Tests.Fakes;

namespace Clinic.Knowledge.Tests.Search;

/// <summary>Creating the Azure AI Search index and uploading the chunks: what goes over the wire, and only when needed.</summary>
public sealed class AzureSearchIndexingTests(SearchFixture fixture) : IClassFixture<SearchFixture>, IAsyncLifetime
{
    private FakeSearchService _search = null!;

    public async Task InitializeAsync() => _search = await FakeSearchService.StartAsync();

    public async Task DisposeAsync() => await _search.DisposeAsync();

    private SearchKnowledge Knowledge(string? corpus = null, string? indexPath = null, Action<SearchOptions>? configure = null) =>
        new(_search, fixture.Encoder, corpus ?? SearchFixture.Corpus, indexPath ?? fixture.IndexPath, configure);

    [Fact]
    public async Task CreatesTheIndexWithTheModelsVectorLengthAnHnswProfileAndEveryChunkField()
    {
        using var knowledge = Knowledge();
        await knowledge.SyncAsync();
        var index = await knowledge.Provider.GetAsync();

        var put = Assert.Single(_search.Of("index.put"));
        Assert.Equal(FakeSearchService.ApiKey, put.ApiKeyHeader);
        Assert.Equal(FakeSearchService.ApiVersion, put.ApiVersionParameter);
        var fields = put.Body!["fields"]!.AsArray().Select(f => f!.AsObject()).ToDictionary(f => (string)f["name"]!);
        Assert.True(fields["id"]["key"]!.GetValue<bool>());
        Assert.True(fields["indexKey"]["filterable"]!.GetValue<bool>());
        Assert.True(fields["content"]["searchable"]!.GetValue<bool>());
        foreach (var name in new[] { "chunkId", "documentId", "title", "section", "start", "end" })
            Assert.True(fields.ContainsKey(name), name);
        var profile = put.Body["vectorSearch"]!["profiles"]!.AsArray().Single()!;
        foreach (var vector in new[] { fields["vector"], fields["sectionVector"] })
        {
            Assert.Equal("Collection(Edm.Single)", (string?)vector["type"]);
            Assert.Equal(512, (int)vector["dimensions"]!);
            Assert.Equal(index.SentenceVectors.Dimensions, (int)vector["dimensions"]!);
            Assert.Equal((string?)vector["vectorSearchProfile"], (string?)profile["name"]);
        }
        var algorithm = put.Body["vectorSearch"]!["algorithms"]!.AsArray().Single()!;
        Assert.Equal((string?)profile["algorithm"], (string?)algorithm["name"]);
        Assert.Equal("hnsw", (string?)algorithm["kind"]);
        Assert.Equal("cosine", (string?)algorithm["hnswParameters"]!["metric"]);
    }

    [Fact]
    public async Task UploadsEveryChunkInBatchesWithItsVectorAndOffsetsAndNotAgainAfterARestart()
    {
        int chunks;
        using (var first = Knowledge())
        {
            var sync = await first.SyncAsync();
            var index = await first.Provider.GetAsync();
            chunks = index.Chunks.Count;
            Assert.Equal(("Uploaded", chunks), (sync.Outcome, sync.Uploaded));

            var batches = _search.Of("docs.index").Select(r => r.Body!["value"]!.AsArray()).ToList();
            Assert.Equal((chunks + 39) / 40, batches.Count);
            Assert.All(batches, b => Assert.InRange(b.Count, 1, 40));
            Assert.Equal(chunks, _search.DocumentCount);
            var chunk = index.Chunks[7];
            var sent = batches.SelectMany(b => b).Select(d => d!.AsObject()).Single(d => (string?)d["chunkId"] == chunk.Id);
            Assert.Equal("mergeOrUpload", (string?)sent["@search.action"]);
            Assert.StartsWith(index.Key, (string?)sent["indexKey"], StringComparison.Ordinal);
            Assert.Equal(chunk.Text, (string?)sent["content"]);
            Assert.Equal((chunk.DocumentId, chunk.Section, chunk.Start, chunk.End),
                ((string)sent["documentId"]!, (string)sent["section"]!, (int)sent["start"]!, (int)sent["end"]!));
            Assert.Equal(index.ChunkVectors.Row(7).ToArray(), sent["vector"]!.AsArray().Select(x => (float)x!).ToArray());
            Assert.Equal(index.SectionVectors.Row(index.ChunkSections[7]).ToArray(), sent["sectionVector"]!.AsArray().Select(x => (float)x!).ToArray());
        }

        var before = _search.Requests.Count;
        using var restarted = Knowledge();
        var again = await restarted.SyncAsync();
        var key = (await restarted.Provider.GetAsync()).Key;

        Assert.Equal(("UpToDate", 0, 0), (again.Outcome, again.Uploaded, again.Deleted));
        var after = _search.Requests.Skip(before).ToList();
        Assert.DoesNotContain(after, r => r.Operation is "docs.index" or "index.put" or "index.delete");
        // The restart asked whether the service holds every chunk under this index key: that count is why it did not upload.
        Assert.Contains(after, r => r.Operation == "docs.search" && (bool?)r.Body!["count"] == true
                                    && ((string?)r.Body["filter"])!.Contains(key, StringComparison.Ordinal));
        Assert.Equal(chunks, _search.DocumentCount);
    }

    [Fact]
    public async Task UploadsAgainWhenTheCorpusChangesAndDeletesChunksOfTheOldCorpus()
    {
        var corpus = fixture.CorpusCopy(3);
        var indexPath = Path.Combine(fixture.Folder, Guid.NewGuid().ToString("N") + ".index");
        string oldKey;
        using (var first = Knowledge(corpus, indexPath))
        {
            await first.SyncAsync();
            oldKey = (await first.Provider.GetAsync()).Key;
        }
        var dropped = Directory.GetFiles(corpus).Order().Last();
        File.Delete(dropped);

        using var changed = Knowledge(corpus, indexPath);
        var sync = await changed.SyncAsync();
        var index = await changed.Provider.GetAsync();

        Assert.NotEqual(oldKey, index.Key);
        Assert.Equal(("Uploaded", index.Chunks.Count), (sync.Outcome, sync.Uploaded));
        Assert.True(sync.Deleted > 0, "the dropped document's chunks were deleted");
        Assert.Equal(index.Chunks.Count, _search.DocumentCount);
        var deletes = _search.Of("docs.index").SelectMany(r => r.Body!["value"]!.AsArray()).Where(a => (string?)a!["@search.action"] == "delete").ToList();
        Assert.Equal(sync.Deleted, deletes.Count);
    }

    [Fact]
    public async Task RecreatesTheIndexWhenTheServiceHoldsVectorsOfAnotherLength()
    {
        using (var other = Knowledge())
            await other.SyncAsync();
        // An index left by another model: same name, 64-dimension vectors, which cannot be changed in place.
        var old = _search.Index!;
        foreach (var field in old["fields"]!.AsArray().Where(f => (string?)f!["type"] == "Collection(Edm.Single)"))
            field!["dimensions"] = 64;
        await _search.DisposeAsync();
        _search = await FakeSearchService.StartAsync();
        await PutIndexAsync(old);

        using var knowledge = Knowledge();
        await knowledge.SyncAsync();

        Assert.Single(_search.Of("index.delete"));
        Assert.Equal(512, (int)_search.Index!["fields"]!.AsArray().Single(f => (string?)f!["name"] == "vector")!["dimensions"]!);
        Assert.Equal((await knowledge.Provider.GetAsync()).Chunks.Count, _search.DocumentCount);
    }

    [Fact]
    public async Task AFailedUploadIsReportedWithTheFixAndTheNextSyncCompletesIt()
    {
        using var knowledge = Knowledge(configure: o => o.MaxRetries = 0);
        await knowledge.Provider.GetAsync();
        _search.FailNext("index.get", 500);

        var error = await Assert.ThrowsAsync<SearchServiceException>(() => knowledge.SyncAsync());
        Assert.Contains("HTTP 500", error.Message, StringComparison.Ordinal);
        Assert.Contains("Knowledge:Search:Endpoint", error.Message, StringComparison.Ordinal);
        Assert.Contains("could not be prepared", knowledge.Health.Degradation(TimeSpan.FromMinutes(1)));

        var sync = await knowledge.SyncAsync();
        Assert.Equal("Uploaded", sync.Outcome);
        Assert.Null(knowledge.Health.Degradation(TimeSpan.FromMinutes(1)));
    }

    [Fact]
    public async Task RetriesThroughA503AndA429WhilePreparingTheIndex()
    {
        using var knowledge = Knowledge();
        await knowledge.Provider.GetAsync();
        _search.FailNext("index.get", 503);
        _search.FailNext("index.get", 429, retryAfter: "1");

        var sync = await knowledge.SyncAsync();

        Assert.Equal("Uploaded", sync.Outcome);
        Assert.Equal([503, 429, 404], _search.Of("index.get").Select(r => r.Status));
    }

    private async Task PutIndexAsync(JsonObject definition)
    {
        using var http = new HttpClient(Clinic.Bot.Tests.Protocol.LocalServer.Trusting(_search.Certificate));
        using var request = new HttpRequestMessage(HttpMethod.Put, $"{_search.Endpoint}/indexes('{definition["name"]}')?api-version={FakeSearchService.ApiVersion}")
        {
            Content = new StringContent(definition.ToJsonString(), System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("api-key", FakeSearchService.ApiKey);
        (await http.SendAsync(request)).EnsureSuccessStatusCode();
    }
}
