using System.Diagnostics;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;

namespace Clinic.Bot.Operations;

public static class OperationsSetup
{
    /// <summary>Health checks: the index and the model (here) and the store (registered by AddStorage) decide readiness.</summary>
    public static IHostApplicationBuilder AddOperations(this IHostApplicationBuilder builder)
    {
        builder.Services.AddHealthChecks()
            .AddCheck<IndexHealthCheck>("knowledge-index", tags: ["ready"])
            .AddCheck<GenerationHealthCheck>("generation", tags: ["ready"]);
        return builder;
    }

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
