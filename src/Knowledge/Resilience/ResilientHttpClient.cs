using Microsoft.Extensions.Http.Resilience;
using Polly;

namespace Clinic.Knowledge.Resilience;

/// <summary>
/// The resilience every call a visitor waits on goes through (the model, Azure AI Search): a total timeout (the
/// budget), retries with jittered exponential backoff that honour Retry-After, a circuit breaker that the health
/// check watches, and a per-attempt timeout.
/// </summary>
public static class ResilientHttpClient
{
    /// <summary>A client for <paramref name="options"/> that reports its breaker to <paramref name="health"/>.</summary>
    public static HttpClient Create(ResilienceOptions options, DependencyHealth health, HttpMessageHandler? inner = null)
    {
        var handler = new ResilienceHandler(AddTo(new ResiliencePipelineBuilder<HttpResponseMessage>(), options, health).Build())
        {
            InnerHandler = inner ?? new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) },
        };
        // The pipeline's timeouts govern; HttpClient's own 100 s must not be the one that fires.
        return new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
    }

    /// <summary>
    /// Adds the strategies to <paramref name="pipeline"/> (for an <c>IHttpClientFactory</c> client's resilience
    /// handler); the breaker reports to <paramref name="health"/> when one is given.
    /// </summary>
    public static ResiliencePipelineBuilder<HttpResponseMessage> AddTo(
        ResiliencePipelineBuilder<HttpResponseMessage> pipeline, ResilienceOptions options, DependencyHealth? health)
    {
        return pipeline
            .AddTimeout(options.Timeout)
            .AddRetry(new HttpRetryStrategyOptions
            {
                MaxRetryAttempts = Math.Max(options.MaxRetries, 1),
                ShouldHandle = options.MaxRetries == 0 ? _ => PredicateResult.False() : new HttpRetryStrategyOptions().ShouldHandle,
                Delay = options.RetryDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                ShouldRetryAfterHeader = true,
            })
            .AddCircuitBreaker(new HttpCircuitBreakerStrategyOptions
            {
                FailureRatio = options.BreakerFailureRatio,
                MinimumThroughput = options.BreakerMinimumThroughput,
                SamplingDuration = options.BreakerSamplingDuration,
                BreakDuration = options.BreakerBreakDuration,
                OnOpened = _ => Changed(health, open: true),
                OnClosed = _ => Changed(health, open: false),
                OnHalfOpened = _ => Changed(health, open: false),
            })
            .AddTimeout(options.AttemptTimeout);
    }

    private static ValueTask Changed(DependencyHealth? health, bool open)
    {
        health?.BreakerChanged(open);
        return ValueTask.CompletedTask;
    }
}
