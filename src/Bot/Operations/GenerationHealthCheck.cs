using Clinic.Knowledge.Generation;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Clinic.Bot.Operations;

/// <summary>Degraded while the model is unavailable; never unhealthy, because the bot still answers extractively.</summary>
internal sealed class GenerationHealthCheck(GenerationHealth health, IOptions<GenerationOptions> options) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var o = options.Value;
        if (o.Provider == GenerationProvider.None)
            return Task.FromResult(HealthCheckResult.Healthy("generation off: extractive answers"));
        return Task.FromResult(health.Degradation(o.DegradedAfterFailure) is { } why
            ? HealthCheckResult.Degraded(why)
            : HealthCheckResult.Healthy("generation available"));
    }
}
