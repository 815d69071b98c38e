using Clinic.Knowledge.Indexing;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Clinic.Bot.Operations;

/// <summary>Ready only once the knowledge index is in memory: before that a question would wait for the build, or fail while the embedding service is down.</summary>
internal sealed class IndexHealthCheck(KnowledgeIndexProvider provider) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(provider.IsLoaded
            ? HealthCheckResult.Healthy("index loaded")
            : HealthCheckResult.Unhealthy(provider.LastError is { } error ? "index not available: " + error : "index not loaded yet"));
}
