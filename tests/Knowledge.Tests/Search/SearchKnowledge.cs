using Clinic.Knowledge.Answers;
using Clinic.Knowledge.Indexing;
using Clinic.Knowledge.Retrieval;
using Clinic.Knowledge.Search;
using Clinic.Knowledge.Tests.Fakes;
using Clinic.Knowledge.Tests.Generation;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Clinic.Knowledge.Tests.Search;

/// <summary>
/// The knowledge pipeline wired as the service wires it, with <c>Knowledge:Search:Provider=AzureAISearch</c> pointing at
/// the loopback fake (its certificate trusted by the two Search HttpClients only). One instance is one process: a new
/// one over the same folder and service is a restart.
/// </summary>
internal sealed class SearchKnowledge : IDisposable
{
    private readonly ServiceProvider _services;

    public SearchKnowledge(
        FakeSearchService search, IEmbeddingGenerator<string, Embedding<float>> embedder, string corpusPath, string indexPath,
        Action<SearchOptions>? configure = null)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<ILogger<AzureSearchPassageStore>>(Logger);
        services.AddSingleton(embedder);
        services.AddOptions<SearchOptions>().Configure(o =>
        {
            o.Provider = SearchProvider.AzureAISearch;
            o.Endpoint = search.Endpoint;
            o.ApiKey = FakeSearchService.ApiKey;
            o.IndexName = "clinic-test";
            o.BatchSize = 40;
            // Generous budgets: the machine is shared and timing is not what these tests measure.
            o.Timeout = TimeSpan.FromSeconds(30);
            o.AttemptTimeout = TimeSpan.FromSeconds(20);
            o.RetryDelay = TimeSpan.FromMilliseconds(10);
            o.BreakerBreakDuration = TimeSpan.FromMinutes(5);
            configure?.Invoke(o);
        });
        services.AddSingleton<IValidateOptions<SearchOptions>, SearchOptionsValidator>();
        services.AddSingleton(Options.Create(new KnowledgeOptions { CorpusPath = corpusPath, IndexPath = indexPath }));
        services.AddSingleton(Options.Create(new RetrievalOptions()));
        services.AddSingleton(Options.Create(new AnswerOptions()));
        services.AddPassageStore();
        search.TrustedBy(services);
        services.AddSingleton<KnowledgeIndexProvider>();
        services.AddSingleton<HybridRetriever>();
        services.AddSingleton<AnswerComposer>();
        services.AddSingleton<KnowledgeService>();
        _services = services.BuildServiceProvider();
    }

    public LineLogger<AzureSearchPassageStore> Logger { get; } = new();

    public KnowledgeIndexProvider Provider => _services.GetRequiredService<KnowledgeIndexProvider>();

    public IPassageStore Store => _services.GetRequiredService<IPassageStore>();

    public KnowledgeService Service => _services.GetRequiredService<KnowledgeService>();

    public SearchHealth Health => _services.GetRequiredService<SearchHealth>();

    /// <summary>What the warm-up does at start: load the index, then make the service hold it.</summary>
    public async Task<PassageStoreSync> SyncAsync() => await Store.SyncAsync(await Provider.GetAsync());

    public void Dispose() => _services.Dispose();
}
