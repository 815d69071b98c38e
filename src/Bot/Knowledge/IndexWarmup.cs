using Clinic.Knowledge.Embeddings;
using Clinic.Knowledge.Indexing;

namespace Clinic.Bot.Knowledge;

/// <summary>
/// Loads (or builds) the index while the service starts, so the first visitor does not wait for it. When a remote
/// embedding service is down the service starts anyway (crisis replies need no index; /readyz says why it is not ready)
/// and keeps trying in the background, instead of exiting into a restart loop.
/// </summary>
internal sealed class IndexWarmup(KnowledgeIndexProvider provider, TimeProvider time) : BackgroundService
{
    private static readonly TimeSpan FirstRetry = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan LongestRetry = TimeSpan.FromMinutes(5);

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        if (await TryLoadAsync(cancellationToken))
            return;
        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        for (var delay = FirstRetry; !provider.IsLoaded; delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, LongestRetry.Ticks)))
        {
            await Task.Delay(delay, time, stoppingToken);
            await TryLoadAsync(stoppingToken);
        }
    }

    // The provider logs the failure with its fix; a visitor's question in between also retries.
    private async Task<bool> TryLoadAsync(CancellationToken cancellationToken)
    {
        try
        {
            await provider.GetAsync(cancellationToken);
            return true;
        }
        catch (EmbeddingServiceException)
        {
            return false;
        }
    }
}
