using System.Collections.Concurrent;
using Clinic.Bot.Protocol;
using Clinic.Bot.Protocol.Hosting;
using Clinic.Bot.Storage.Sql;
using Microsoft.Extensions.Options;

namespace Clinic.Bot.Storage.Hosting;

/// <summary>
/// De-duplication in the conversation store, so it holds across instances: Teams resends a slow turn's activity,
/// and the resend may reach another instance. A claim holds for <see cref="StorageOptions.InboundClaimLease"/>,
/// renewed by this instance while the turn runs, and for the whole window once the turn is done. So a slow turn's
/// resend is dropped, and a turn whose instance died is processed when Teams resends it after the lease lapsed.
/// While the store is unreachable it falls back to this process's memory rather than refusing the message (a crisis
/// reply must still go out); the turn then reports the outage.
/// </summary>
internal sealed class StoreInboundDeduplicator(
    ChatStore store,
    IOptions<BotOptions> options,
    IOptions<StorageOptions> storage,
    TimeProvider time,
    ILogger<StoreInboundDeduplicator> logger) : BackgroundService, IInboundDeduplicator
{
    private const int SweepEvery = 256;
    private readonly InMemoryInboundDeduplicator _fallback = new(options, time);
    private readonly ConcurrentDictionary<string, DateTimeOffset> _running = new(StringComparer.Ordinal);
    private int _claims;

    public async ValueTask<bool> TryClaimAsync(string key, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        try
        {
            if (Interlocked.Increment(ref _claims) % SweepEvery == 0)
                await store.SweepInboundAsync(now, cancellationToken);
            if (!await store.TryClaimInboundAsync(key, now, now + storage.Value.InboundClaimLease, cancellationToken))
                return false;
            _running[key] = now;
            return true;
        }
        catch (StoreUnavailableException e)
        {
            logger.LogWarning("Inbound de-duplication fell back to this instance's memory: {Reason}", e.Message);
            return await _fallback.TryClaimAsync(key, cancellationToken);
        }
    }

    public async ValueTask CompleteAsync(string key, CancellationToken cancellationToken)
    {
        _running.TryRemove(key, out _);
        try
        {
            await store.ExtendInboundAsync([key], time.GetUtcNow() + options.Value.DeduplicationWindow, cancellationToken);
        }
        catch (StoreUnavailableException e)
        {
            // The claim then lapses after the lease; a later resend would be answered again, which beats losing one.
            logger.LogWarning("Could not complete an inbound claim: {Reason}", e.Message);
        }
    }

    public async ValueTask ReleaseAsync(string key, CancellationToken cancellationToken)
    {
        _running.TryRemove(key, out _);
        await _fallback.ReleaseAsync(key, cancellationToken);
        try
        {
            await store.ReleaseInboundAsync(key, cancellationToken);
        }
        catch (StoreUnavailableException e)
        {
            // The claim then simply expires at the end of its lease.
            logger.LogWarning("Could not release an inbound claim: {Reason}", e.Message);
        }
    }

    /// <summary>Extends the lease of every turn still running here; turns older than the window are let go.</summary>
    internal async Task RenewAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        foreach (var (key, claimedAt) in _running)
        {
            if (now - claimedAt >= options.Value.DeduplicationWindow)
                _running.TryRemove(new KeyValuePair<string, DateTimeOffset>(key, claimedAt));
        }
        if (_running.IsEmpty)
            return;
        try
        {
            await store.ExtendInboundAsync(_running.Keys.ToList(), now + storage.Value.InboundClaimLease, cancellationToken);
        }
        catch (StoreUnavailableException e)
        {
            logger.LogWarning("Could not renew running inbound claims: {Reason}", e.Message);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(storage.Value.InboundClaimLease / 3, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
                await RenewAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down; claims of turns cut off here lapse after the lease.
        }
    }
}
