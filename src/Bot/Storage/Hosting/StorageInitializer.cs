using Clinic.Bot.Storage.Sql;

namespace Clinic.Bot.Storage.Hosting;

/// <summary>Creates or migrates the schema before the app serves requests.</summary>
internal sealed class StorageInitializer(ChatStore store, ILogger<StorageInitializer> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            await store.InitializeAsync(cancellationToken);
            logger.LogInformation("Storage ready: {Provider}, schema version {Version}.", store.ProviderName, Schema.LatestVersion);
        }
        catch (StoreUnavailableException ex)
        {
            // A database that is down now may be back in a minute: start anyway, report not ready, and migrate on first use.
            logger.LogError(ex, "Storage is unavailable at start; /readyz reports unhealthy until it answers.");
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
