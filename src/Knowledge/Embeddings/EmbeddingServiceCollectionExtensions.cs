using Azure.Core;
using Clinic.Knowledge.Generation;
using Clinic.Knowledge.Resilience;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;

namespace Clinic.Knowledge.Embeddings;

/// <summary>Registers the <see cref="IEmbeddingGenerator{TInput, TEmbedding}"/> that <see cref="EmbeddingOptions.Provider"/> names.</summary>
public static class EmbeddingServiceCollectionExtensions
{
    /// <summary>The named HttpClient that carries embedding requests, with timeouts, retries and a circuit breaker.</summary>
    public const string HttpClientName = "Clinic.Knowledge.Embeddings";

    /// <summary>
    /// The local model for <c>Provider=Local</c>; otherwise the OpenAI client's embedding client on <see cref="EmbeddingOptions.Endpoint"/>
    /// over a resilient HttpClient. Expects <see cref="EmbeddingOptions"/> to be bound (and validated) by the caller.
    /// </summary>
    public static IServiceCollection AddEmbeddingGenerator(this IServiceCollection services)
    {
        services.TryAddEntraIdCredential();
        services.AddHttpClient(HttpClientName, (sp, http) =>
            {
                // The resilience handler owns every deadline; this only backstops it.
                http.Timeout = sp.GetRequiredService<IOptions<EmbeddingOptions>>().Value.TotalTimeout + TimeSpan.FromSeconds(5);
            })
            .AddStandardResilienceHandler()
            .Configure((HttpStandardResilienceOptions r, IServiceProvider sp) =>
            {
                var o = sp.GetRequiredService<IOptions<EmbeddingOptions>>().Value;
                r.AttemptTimeout.Timeout = o.AttemptTimeout;
                r.TotalRequestTimeout.Timeout = o.TotalTimeout;
                r.Retry.MaxRetryAttempts = Math.Max(o.MaxRetries, 1);
                r.Retry.ShouldHandle = o.MaxRetries == 0 ? _ => ValueTask.FromResult(false) : r.Retry.ShouldHandle;
                r.Retry.Delay = o.RetryBaseDelay;
                r.Retry.UseJitter = true;
                r.Retry.ShouldRetryAfterHeader = true;
                // Index builds send few large requests, so the breaker must trip on a handful of failures, not a hundred.
                r.CircuitBreaker.MinimumThroughput = 4;
                r.CircuitBreaker.FailureRatio = 0.5;
                r.CircuitBreaker.BreakDuration = o.BreakDuration;
                r.CircuitBreaker.SamplingDuration = TimeSpan.FromTicks(Math.Max(TimeSpan.FromSeconds(30).Ticks, 2 * o.AttemptTimeout.Ticks));
            });
        services.AddSingleton<IEmbeddingGenerator<string, Embedding<float>>>(sp =>
        {
            var o = sp.GetRequiredService<IOptions<EmbeddingOptions>>().Value;
            if (!o.IsRemote)
                return new UniversalSentenceEncoder(o);
            var http = sp.GetRequiredService<IHttpClientFactory>().CreateClient(HttpClientName);
            var entraId = o.UseEntraId ? sp.GetRequiredService<TokenCredential>() : null;
            var client = OpenAIClientFactory.Create(o.ResolvedEndpoint(), o.ApiKey, entraId, http, http.Timeout).GetEmbeddingClient(o.Deployment);
            return new RemoteEmbeddingGenerator(client.AsIEmbeddingGenerator(o.Dimensions), o);
        });
        return services;
    }
}
