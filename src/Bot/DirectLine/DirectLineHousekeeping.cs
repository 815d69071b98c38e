namespace Clinic.Bot.DirectLine;

/// <summary>Sweeps idle conversations out of the store so memory stays flat however many visitors come and go.
/// Also creates the token service at start-up, so a missing signing key is reported then, not on the first visitor.</summary>
internal sealed class DirectLineHousekeeping(
    IConversationStore store,
    DirectLineTokenService tokens,
    Microsoft.Extensions.Options.IOptions<DirectLineOptions> options,
    TimeProvider time,
    ILogger<DirectLineHousekeeping> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        logger.LogInformation("Direct Line channel ready; tokens live {Lifetime}", tokens.Lifetime);
        using var timer = new PeriodicTimer(options.Value.SweepInterval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                var removed = await store.RemoveIdleAsync(stoppingToken);
                if (removed > 0)
                {
                    logger.LogDebug("Forgot {Count} idle Direct Line conversations", removed);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }
}
