using Microsoft.Extensions.Http.Resilience;
using Polly;
using Polly.CircuitBreaker;

namespace Clinic.Knowledge.Generation;

/// <summary>
/// The HttpClient every call to the model goes through: a total timeout (the answer budget), retries with jittered
/// exponential backoff that honour Retry-After, a circuit breaker that the health check watches, and a per-attempt timeout.
/// </summary>
public static class ResilientHttpClient
{
    /// <summary>A client for <paramref name="options"/> that reports its breaker to <paramref name="health"/>.</summary>
    public static HttpClient Create(GenerationOptions options, GenerationHealth health, HttpMessageHandler? inner = null)
    {
        var pipeline = new ResiliencePipelineBuilder<HttpResponseMessage>()
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
            .AddTimeout(options.AttemptTimeout)
            .Build();
        var handler = new ResilienceHandler(pipeline)
        {
            InnerHandler = inner ?? new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) },
        };
        // The pipeline's timeouts govern; HttpClient's own 100 s must not be the one that fires.
        return new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
    }

    private static ValueTask Changed(GenerationHealth health, bool open)
    {
        health.BreakerChanged(open);
        return ValueTask.CompletedTask;
    }
}
