using Clinic.Knowledge.Resilience;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Clinic.Bot.Operations;

/// <summary>
/// An optional remote service the bot can answer without (the model, Azure AI Search): healthy when it is off or
/// answering, degraded with why while it is not; never unhealthy, because the fallback (extractive answers, a decline
/// that offers staff) and crisis replies still work, and another instance would ask the same service.
/// </summary>
internal sealed class DependencyHealthCheck(DependencyHealth health, bool enabled, TimeSpan recent, string whenOff, string whenAvailable) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(!enabled
            ? HealthCheckResult.Healthy(whenOff)
            : health.Degradation(recent) is { } why ? HealthCheckResult.Degraded(why) : HealthCheckResult.Healthy(whenAvailable));
}
