using Clinic.Knowledge.Indexing;

namespace Clinic.Bot.Knowledge;

/// <summary>Loads (or builds) the index while the service starts, so the first visitor does not wait for it.</summary>
internal sealed class IndexWarmup(KnowledgeIndexProvider provider) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken) => await provider.GetAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
