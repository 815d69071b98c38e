using Azure.Core;
using Clinic.Knowledge.Resilience;
using Clinic.Knowledge.Retrieval;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Clinic.Knowledge.Search;

/// <summary>Registers the <see cref="IPassageStore"/> that <see cref="SearchOptions.Provider"/> names.</summary>
public static class SearchServiceCollectionExtensions
{
    /// <summary>The named HttpClient of visitors' queries (short budget; its breaker is reported by <see cref="SearchHealth"/>).</summary>
    public const string QueryHttpClientName = "Clinic.Knowledge.Search";

    /// <summary>The named HttpClient that creates the index and uploads chunks (<see cref="SearchOptions.IndexingTimeout"/>).</summary>
    public const string IndexingHttpClientName = "Clinic.Knowledge.Search.Indexing";

    /// <summary>
    /// The in-process store for <c>Provider=InProcess</c>; otherwise Azure AI Search over resilient HttpClients.
    /// Expects <see cref="SearchOptions"/> and <see cref="RetrievalOptions"/> to be bound (and validated) by the caller.
    /// </summary>
    public static IServiceCollection AddPassageStore(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddEntraIdCredential();
        services.TryAddSingleton(sp => new SearchHealth(sp.GetRequiredService<TimeProvider>()));
        AddClient(services, QueryHttpClientName, (pipeline, s) => ResilientHttpClient.AddTo(pipeline, s.Value, s.Health));
        AddClient(services, IndexingHttpClientName, (pipeline, s) => ResilientHttpClient.AddTo(pipeline, s.Value.ForIndexing(), null));
        services.TryAddSingleton<IPassageStore>(sp =>
        {
            var o = sp.GetRequiredService<IOptions<SearchOptions>>();
            var retrieval = sp.GetRequiredService<IOptions<RetrievalOptions>>();
            if (o.Value.Provider == SearchProvider.InProcess)
                return new InProcessPassageStore(retrieval);
            var http = sp.GetRequiredService<IHttpClientFactory>();
            var entraId = o.Value.UseEntraId ? sp.GetRequiredService<TokenCredential>() : null;
            var clients = AzureSearchClients.Create(o.Value, entraId, http.CreateClient(QueryHttpClientName), http.CreateClient(IndexingHttpClientName));
            return new AzureSearchPassageStore(clients, o, retrieval, sp.GetRequiredService<SearchHealth>(),
                sp.GetRequiredService<ILogger<AzureSearchPassageStore>>());
        });
        return services;
    }

    private sealed record Settings(SearchOptions Value, SearchHealth Health);

    private static void AddClient(
        IServiceCollection services, string name, Action<Polly.ResiliencePipelineBuilder<HttpResponseMessage>, Settings> configure) =>
        services.AddHttpClient(name, http => http.Timeout = Timeout.InfiniteTimeSpan) // the pipeline's timeouts govern
            .AddResilienceHandler(name, (pipeline, context) => configure(pipeline, new Settings(
                context.ServiceProvider.GetRequiredService<IOptions<SearchOptions>>().Value,
                context.ServiceProvider.GetRequiredService<SearchHealth>())));
}
