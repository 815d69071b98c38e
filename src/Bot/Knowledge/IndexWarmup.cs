using Clinic.Knowledge.Embeddings;
using Clinic.Knowledge.Indexing;
using Clinic.Knowledge.Retrieval;
using Clinic.Knowledge.Search;

namespace Clinic.Bot.Knowledge;

/// <summary>
/// Loads (or builds) the index while the service starts, so the first visitor does not wait for it. When a remote
/// embedding service is down the service starts anyway (crisis replies need no index; /readyz says why it is not ready)
/// and keeps trying in the background, instead of exiting into a restart loop. Uploading the index to Azure AI Search,
/// when that is the store, always happens in the background: it may take minutes, and the health check says it is pending.
/// </summary>
internal sealed class IndexWarmup(KnowledgeIndexProvider provider, IPassageStore store, TimeProvider time) : BackgroundService
{
    private static readonly TimeSpan FirstRetry = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan LongestRetry = TimeSpan.FromMinutes(5);

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            await provider.GetAsync(cancellationToken);
        }
        catch (EmbeddingServiceException)
        {
            // Logged by the provider with its fix; retried below.
        }
        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        for (var delay = FirstRetry; !await TryPrepareAsync(stoppingToken); delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, LongestRetry.Ticks)))
            await Task.Delay(delay, time, stoppingToken);
    }

    // The provider and the store log a failure with its fix; a visitor's question in between also retries the index.
    private async Task<bool> TryPrepareAsync(CancellationToken cancellationToken)
    {
        try
        {
            await store.SyncAsync(await provider.GetAsync(cancellationToken), cancellationToken);
            return true;
        }
        catch (Exception e) when (e is EmbeddingServiceException or SearchServiceException)
        {
            return false;
        }
    }
}
