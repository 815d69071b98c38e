using Microsoft.Extensions.Options;

namespace Clinic.Bot.Storage.Hosting;

/// <summary>Deletes conversation data past <see cref="RetentionOptions.KeepDays"/>, at start and every interval.</summary>
internal sealed class RetentionPurgeService(
    IConversationStore store,
    IOptions<StorageOptions> options,
    TimeProvider time,
    ILogger<RetentionPurgeService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var retention = options.Value.Retention;
        if (!retention.Enabled)
        {
            return;
        }
        // Leave the start-up path before touching the database (SQLite calls are synchronous underneath).
        await Task.Yield();
        using var timer = new PeriodicTimer(TimeSpan.FromHours(retention.IntervalHours), time);
        do
        {
            await PurgeOnceAsync(stoppingToken);
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>One purge; null when the store is unavailable (logged, tried again next interval).</summary>
    internal async Task<PurgeResult?> PurgeOnceAsync(CancellationToken cancellationToken)
    {
        var cutOff = time.GetUtcNow() - TimeSpan.FromDays(options.Value.Retention.KeepDays);
        try
        {
            var result = await store.PurgeAsync(cutOff, cancellationToken);
            logger.LogInformation(
                "Retention purge before {CutOff:u}: {Transcript} transcript entries, {Conversations} conversations, {Feedback} feedback, {Escalations} resolved escalations.",
                cutOff, result.TranscriptEntries, result.Conversations, result.Feedback, result.Escalations);
            return result;
        }
        catch (StoreUnavailableException ex)
        {
            logger.LogWarning(ex, "Retention purge skipped: storage unavailable.");
            return null;
        }
    }
}
