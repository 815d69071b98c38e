using Clinic.Bot.Protocol;
using Clinic.Bot.Protocol.Hosting;
using Clinic.Bot.Storage.Sql;
using Microsoft.Extensions.Options;

namespace Clinic.Bot.Storage.Hosting;

/// <summary>
/// De-duplication in the conversation store, so it holds across instances: Teams resends a slow turn's activity,
/// and the resend may reach another instance. A claim first holds for <see cref="StorageOptions.InboundClaimLease"/>
/// and, once the turn is done, for the whole window; so a turn cut off by a crash is processed when Teams resends it.
/// While the store is unreachable it falls back to this process's memory rather than refusing the message (a crisis
/// reply must still go out); the turn then reports the outage.
/// </summary>
internal sealed class StoreInboundDeduplicator(
    ChatStore store,
    IOptions<BotOptions> options,
    IOptions<StorageOptions> storage,
    TimeProvider time,
    ILogger<StoreInboundDeduplicator> logger) : IInboundDeduplicator
{
    private const int SweepEvery = 256;
    private readonly InMemoryInboundDeduplicator _fallback = new(options, time);
    private int _claims;

    public async ValueTask<bool> TryClaimAsync(string key, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        try
        {
            if (Interlocked.Increment(ref _claims) % SweepEvery == 0)
                await store.SweepInboundAsync(now, cancellationToken);
            return await store.TryClaimInboundAsync(key, now, now + storage.Value.InboundClaimLease, cancellationToken);
        }
        catch (StoreUnavailableException e)
        {
            logger.LogWarning("Inbound de-duplication fell back to this instance's memory: {Reason}", e.Message);
            return await _fallback.TryClaimAsync(key, cancellationToken);
        }
    }

    public async ValueTask CompleteAsync(string key, CancellationToken cancellationToken)
    {
        try
        {
            await store.CompleteInboundAsync(key, time.GetUtcNow() + options.Value.DeduplicationWindow, cancellationToken);
        }
        catch (StoreUnavailableException e)
        {
            // The claim then lapses after the lease; a later resend would be answered again, which beats losing one.
            logger.LogWarning("Could not complete an inbound claim: {Reason}", e.Message);
        }
    }

    public async ValueTask ReleaseAsync(string key, CancellationToken cancellationToken)
    {
        await _fallback.ReleaseAsync(key, cancellationToken);
        try
        {
            await store.ReleaseInboundAsync(key, cancellationToken);
        }
        catch (StoreUnavailableException e)
        {
            // The claim then simply expires at the end of the window.
            logger.LogWarning("Could not release an inbound claim: {Reason}", e.Message);
        }
    }
}
