using System.Diagnostics;
using Clinic.Knowledge.Generation;
using Clinic.Knowledge.Search;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Clinic.Bot.Operations;

public static class OperationsSetup
{
    /// <summary>Health checks: the index, the model and the search service (here) and the store (registered by AddStorage) decide readiness.</summary>
    public static IHostApplicationBuilder AddOperations(this IHostApplicationBuilder builder)
    {
        builder.Services.AddHealthChecks()
            .AddCheck<IndexHealthCheck>("knowledge-index", tags: ["ready"])
            .Add(Ready("generation", sp =>
            {
                var o = sp.GetRequiredService<IOptions<GenerationOptions>>().Value;
                return new DependencyHealthCheck(sp.GetRequiredService<GenerationHealth>(), o.Provider != GenerationProvider.None,
                    o.DegradedAfterFailure, "generation off: extractive answers", "generation available");
            }))
            .Add(Ready("knowledge-search", sp =>
            {
                var o = sp.GetRequiredService<IOptions<SearchOptions>>().Value;
                return new DependencyHealthCheck(sp.GetRequiredService<SearchHealth>(), o.Provider != SearchProvider.InProcess,
                    o.DegradedAfterFailure, "in-process index", "Azure AI Search available");
            }));
        return builder;
    }

    private static HealthCheckRegistration Ready(string name, Func<IServiceProvider, IHealthCheck> create) =>
        new(name, create, failureStatus: null, tags: ["ready"]);

    /// <summary><c>/healthz</c>: the process answers (with its working set and GC heap size, for the load tool's memory figures). <c>/readyz</c>: index loaded and store reachable.</summary>
    public static WebApplication MapHealth(this WebApplication app)
    {
        // The heap as the last collection left it: live objects and fragmentation, not the garbage allocated since.
        app.MapGet("/healthz", () => Results.Json(new
        {
            status = "live",
            workingSetBytes = Process.GetCurrentProcess().WorkingSet64,
            gcHeapBytes = GC.GetGCMemoryInfo().HeapSizeBytes,
        }));
        app.MapHealthChecks("/readyz", new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready") });
        return app;
    }
}
