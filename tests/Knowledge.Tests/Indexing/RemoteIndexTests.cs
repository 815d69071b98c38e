using Clinic.Knowledge.Embeddings;
using Clinic.Knowledge.Tests.Embeddings;
using Clinic.Knowledge.Tests.Fakes;

namespace Clinic.Knowledge.Tests.Indexing;

public sealed class RemoteIndexTests : IAsyncLifetime
{
    private FakeEmbeddingsServer _server = null!;
    private readonly string _folder = Directory.CreateTempSubdirectory("remote-index-").FullName;

    private string IndexPath => Path.Combine(_folder, "k.index");

    public async Task InitializeAsync() => _server = await FakeEmbeddingsServer.StartAsync();

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    private string SmallCorpus()
    {
        var corpus = Path.Combine(_folder, "corpus");
        Directory.CreateDirectory(corpus);
        foreach (var file in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "corpus")).Order().Take(3))
            File.Copy(file, Path.Combine(corpus, Path.GetFileName(file)));
        return corpus;
    }

    [Theory]
    [InlineData(null, 96)]
    [InlineData(1536, 1536)]
    public async Task BuildsTheIndexThroughTheServiceInBatchesForAnyVectorLength(int? requested, int expected)
    {
        using var knowledge = new RemoteKnowledge(_server.Endpoint, "embed-a", IndexPath, SmallCorpus(), dimensions: requested, batchSize: 32);

        var index = await knowledge.Provider.GetAsync();

        Assert.Equal("Built", knowledge.Provider.LastReport!.Outcome);
        Assert.Equal(expected, index.SentenceVectors.Dimensions);
        Assert.Equal(expected, index.Mean.Length);
        Assert.Equal(index.Sentences.Count + index.SectionVectors.Count, _server.EmbeddedTexts.Count());
        Assert.True(_server.Requests.Count > 1);
        Assert.All(_server.Requests, r => Assert.True(r.Input.Count <= 32));
        Assert.Equal("AzureOpenAI/embed-a/" + requested, index.ModelId);

        // The fake's vectors share one large component; after centring, a question's nearest sentence shares its words.
        var sentence = index.Sentences[index.Sentences.Count / 2].Span.Text;
        var result = await knowledge.Retriever.SearchAsync(index, sentence);
        Assert.Contains(result.Passages[0].ChunkIndex, index.Chunks.Select((c, i) => (c, i)).Where(x => x.c.Text.Contains(sentence)).Select(x => x.i));
        Assert.True(result.Passages[0].Dense > 0.9, $"dense {result.Passages[0].Dense}");
    }

    [Fact]
    public async Task RebuildsWhenTheDeploymentChangesAndLoadsWithoutTheServiceWhenItDoesNot()
    {
        var corpus = SmallCorpus();
        using (var first = new RemoteKnowledge(_server.Endpoint, "embed-a", IndexPath, corpus))
            await first.Provider.GetAsync();
        Assert.All(_server.Requests, r => Assert.Equal("embed-a", r.Model));

        _server.Requests.Clear();
        using (var again = new RemoteKnowledge(_server.Endpoint, "embed-a", IndexPath, corpus))
        {
            await again.Provider.GetAsync();
            Assert.Equal("Loaded", again.Provider.LastReport!.Outcome);
        }
        Assert.Empty(_server.Requests);

        using var changed = new RemoteKnowledge(_server.Endpoint, "embed-b", IndexPath, corpus);
        var index = await changed.Provider.GetAsync();
        Assert.Equal("Rebuilt", changed.Provider.LastReport!.Outcome);
        Assert.Contains("model changed", changed.Provider.LastReport.Reason);
        Assert.NotEmpty(_server.Requests);
        Assert.All(_server.Requests, r => Assert.Equal("embed-b", r.Model));
        Assert.Equal("AzureOpenAI/embed-b/", index.ModelId);
    }

    [Fact]
    public async Task RebuildsWhenTheRequestedDimensionsChange()
    {
        var corpus = SmallCorpus();
        using (var first = new RemoteKnowledge(_server.Endpoint, "embed-a", IndexPath, corpus, dimensions: 64))
            await first.Provider.GetAsync();
        using var changed = new RemoteKnowledge(_server.Endpoint, "embed-a", IndexPath, corpus, dimensions: 128);
        var index = await changed.Provider.GetAsync();
        Assert.Equal("Rebuilt", changed.Provider.LastReport!.Outcome);
        Assert.Equal(128, index.SentenceVectors.Dimensions);
    }

    [Fact]
    public async Task BuildsThroughA429()
    {
        _server.FailNext(429, retryAfter: "1");
        using var knowledge = new RemoteKnowledge(_server.Endpoint, "embed-a", IndexPath, SmallCorpus());
        await knowledge.Provider.GetAsync();
        Assert.Equal("Built", knowledge.Provider.LastReport!.Outcome);
        Assert.Equal(429, _server.Requests.First().Status);
    }

    [Fact]
    public async Task AServiceThatIsDownFailsTheBuildWithTheFixAndTheNextCallTriesAgain()
    {
        var corpus = SmallCorpus();
        var port = new Uri(_server.Endpoint).Port;
        await _server.DisposeAsync();
        using var knowledge = new RemoteKnowledge($"http://127.0.0.1:{port}/openai/v1/", "embed-a", IndexPath, corpus);

        var error = await Assert.ThrowsAsync<EmbeddingServiceException>(async () => await knowledge.Provider.GetAsync());
        Assert.Contains("could not be reached", error.Message);
        Assert.Contains("Knowledge:Embeddings:Endpoint", error.Message);
        Assert.False(knowledge.Provider.IsLoaded);
        Assert.Equal(error.Message, knowledge.Provider.LastError);
        Assert.Contains(knowledge.Logger.Lines, l => l.StartsWith("Error") && l.Contains("not available"));
        Assert.False(File.Exists(IndexPath));

        _server = await FakeEmbeddingsServer.StartAsync(port: port);
        await knowledge.Provider.GetAsync();
        Assert.True(knowledge.Provider.IsLoaded);
        Assert.Null(knowledge.Provider.LastError);
    }

    [Fact]
    public async Task KeepsServingFromTheSavedIndexWhileTheServiceIsDown()
    {
        var corpus = SmallCorpus();
        using (var first = new RemoteKnowledge(_server.Endpoint, "embed-a", IndexPath, corpus))
            await first.Provider.GetAsync();
        var endpoint = _server.Endpoint;
        await _server.DisposeAsync();

        using var restarted = new RemoteKnowledge(endpoint, "embed-a", IndexPath, corpus);
        var answer = await restarted.Service.AnswerAsync("What happens during a ketamine infusion?");

        Assert.Equal("Loaded", restarted.Provider.LastReport!.Outcome);
        Assert.False(string.IsNullOrEmpty(answer.Text)); // words-only ranking: an answer or a polite decline, never a fault
        _server = await FakeEmbeddingsServer.StartAsync();
    }
}
