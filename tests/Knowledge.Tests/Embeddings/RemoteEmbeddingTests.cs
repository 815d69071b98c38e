using Clinic.Knowledge.Embeddings;
using Clinic.Knowledge.Tests.Fakes;
using Microsoft.Extensions.AI;

namespace Clinic.Knowledge.Tests.Embeddings;

public sealed class RemoteEmbeddingTests : IAsyncLifetime
{
    private FakeEmbeddingsServer _server = null!;
    private readonly string _folder = Directory.CreateTempSubdirectory("remote-embed-").FullName;

    public async Task InitializeAsync() => _server = await FakeEmbeddingsServer.StartAsync();

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task SendsTheDeploymentAndKeyToAzuresV1EndpointAndDecodesTheVectors()
    {
        using var knowledge = new RemoteKnowledge(_server.Endpoint, "embed-small", Path.Combine(_folder, "k.index"));
        var texts = new[] { "Ketamine is given as an infusion.", "The nasal spray is esketamine." };

        var embeddings = await knowledge.Generator.GenerateAsync(texts);

        var request = Assert.Single(_server.Requests);
        Assert.Equal("/openai/v1/embeddings", request.Path);
        Assert.Equal("embed-small", request.Model);
        Assert.Equal(texts, request.Input);
        Assert.Equal("base64", request.EncodingFormat); // the client's choice; the fake answers in whichever format is asked
        for (var i = 0; i < texts.Length; i++)
            Assert.Equal(FakeEmbeddingsServer.Vector(texts[i], 96), embeddings[i].Vector.ToArray());
    }

    [Fact]
    public async Task CompletesABareAzureResourceAddressToTheV1Path()
    {
        using var knowledge = new RemoteKnowledge(_server.Endpoint.Replace("/openai/v1/", ""), "embed-small", Path.Combine(_folder, "k.index"));
        await knowledge.Generator.GenerateAsync(["Ketamine"]);
        Assert.Equal("/openai/v1/embeddings", Assert.Single(_server.Requests).Path);
    }

    [Fact]
    public async Task AsksForTheConfiguredDimensionsAndSplitsLargeInputsIntoBatches()
    {
        using var knowledge = new RemoteKnowledge(_server.Endpoint, "embed-large", Path.Combine(_folder, "k.index"), dimensions: 256, batchSize: 4);
        var texts = Enumerable.Range(0, 10).Select(i => $"sentence number {i} about ketamine").ToList();

        var embeddings = await knowledge.Generator.GenerateAsync(texts);

        Assert.Equal([4, 4, 2], _server.Requests.Select(r => r.Input.Count));
        Assert.All(_server.Requests, r => Assert.Equal(256, r.Dimensions));
        Assert.Equal(texts, _server.Requests.SelectMany(r => r.Input));
        Assert.All(embeddings, e => Assert.Equal(256, e.Vector.Length));
        Assert.Equal(FakeEmbeddingsServer.Vector(texts[9], 256), embeddings[9].Vector.ToArray());
    }

    [Fact]
    public async Task WaitsOutA429AndThenSucceeds()
    {
        _server.FailNext(429, retryAfter: "1");
        using var knowledge = new RemoteKnowledge(_server.Endpoint, "embed-small", Path.Combine(_folder, "k.index"));

        var embeddings = await knowledge.Generator.GenerateAsync(["How long does a session last?"]);

        Assert.Equal([429, 200], _server.Requests.Select(r => r.Status));
        Assert.Equal(FakeEmbeddingsServer.Vector("How long does a session last?", 96), embeddings[0].Vector.ToArray());
    }

    [Fact]
    public async Task RetriesAServerErrorAndThenSucceeds()
    {
        _server.FailNext(500);
        using var knowledge = new RemoteKnowledge(_server.Endpoint, "embed-small", Path.Combine(_folder, "k.index"));

        await knowledge.Generator.GenerateAsync(["Is ketamine addictive?"]);

        Assert.Equal([500, 200], _server.Requests.Select(r => r.Status));
    }

    [Fact]
    public async Task GivesUpAfterTheRetriesWithTheSettingsToCheck()
    {
        for (var i = 0; i < 3; i++)
            _server.FailNext(500);
        using var knowledge = new RemoteKnowledge(_server.Endpoint, "embed-small", Path.Combine(_folder, "k.index"));

        var error = await Assert.ThrowsAsync<EmbeddingServiceException>(() => knowledge.Generator.GenerateAsync(["Is ketamine addictive?"]));

        Assert.Equal(3, _server.Requests.Count);
        Assert.Contains("HTTP 500", error.Message);
        Assert.Contains("Knowledge:Embeddings:Endpoint", error.Message);
        Assert.DoesNotContain("addictive", error.Message);
    }

    [Fact]
    public async Task DoesNotRetryARejectedKey()
    {
        using var knowledge = new RemoteKnowledge(_server.Endpoint, "embed-small", Path.Combine(_folder, "k.index"), apiKey: "wrong");
        var error = await Assert.ThrowsAsync<EmbeddingServiceException>(() => knowledge.Generator.GenerateAsync(["Ketamine"]));
        Assert.Equal([401], _server.Requests.Select(r => r.Status));
        Assert.Contains("HTTP 401", error.Message);
    }
}
