using Azure.Core;
using Clinic.Knowledge.Answers;
using Clinic.Knowledge.Embeddings;
using Clinic.Knowledge.Indexing;
using Clinic.Knowledge.Retrieval;
using Clinic.Knowledge.Tests.Fakes;
using Clinic.Knowledge.Tests.Service;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Clinic.Knowledge.Tests.Embeddings;

/// <summary>The knowledge pipeline wired as the service wires it, with <c>Knowledge:Embeddings</c> pointing at an HTTP endpoint.</summary>
internal sealed class RemoteKnowledge : IDisposable
{
    private readonly ServiceProvider _services;

    public RemoteKnowledge(
        string endpoint, string deployment, string indexPath, string? corpusPath = null, int? dimensions = null, int batchSize = 16,
        string apiKey = FakeEmbeddingsServer.ApiKey, TokenCredential? entraId = null, Func<HttpMessageHandler>? primaryHandler = null)
    {
        var services = new ServiceCollection();
        if (entraId is not null)
            services.AddSingleton(entraId);
        services.AddSingleton<ILogger<KnowledgeIndexProvider>>(Logger);
        services.AddLogging();
        services.AddOptions<EmbeddingOptions>().Configure(o =>
        {
            o.Provider = EmbeddingOptions.AzureOpenAI;
            o.Endpoint = endpoint;
            o.Deployment = deployment;
            o.ApiKey = entraId is null ? apiKey : null;
            o.UseEntraId = entraId is not null;
            o.Dimensions = dimensions;
            o.BatchSize = batchSize;
            o.RetryBaseDelay = TimeSpan.FromMilliseconds(20);
            o.MaxRetries = 2;
        });
        services.AddSingleton<IValidateOptions<EmbeddingOptions>, EmbeddingOptionsValidator>();
        services.AddEmbeddingGenerator();
        if (primaryHandler is not null)
            services.AddHttpClient(EmbeddingServiceCollectionExtensions.HttpClientName).ConfigurePrimaryHttpMessageHandler(primaryHandler);
        services.AddSingleton(Options.Create(new KnowledgeOptions
        {
            CorpusPath = corpusPath ?? Path.Combine(AppContext.BaseDirectory, "corpus"),
            IndexPath = indexPath,
        }));
        services.AddSingleton(Options.Create(new RetrievalOptions()));
        services.AddSingleton(Options.Create(new AnswerOptions()));
        services.AddSingleton<KnowledgeIndexProvider>();
        services.AddSingleton<HybridRetriever>();
        services.AddSingleton<AnswerComposer>();
        services.AddSingleton<KnowledgeService>();
        _services = services.BuildServiceProvider();
    }

    public TestLogger Logger { get; } = new();

    public KnowledgeIndexProvider Provider => _services.GetRequiredService<KnowledgeIndexProvider>();

    public KnowledgeService Service => _services.GetRequiredService<KnowledgeService>();

    public HybridRetriever Retriever => _services.GetRequiredService<HybridRetriever>();

    public IEmbeddingGenerator<string, Embedding<float>> Generator => _services.GetRequiredService<IEmbeddingGenerator<string, Embedding<float>>>();

    public void Dispose() => _services.Dispose();
}
