using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace Clinic.Bot.Protocol.Hosting;

/// <summary>Per-process deduplication with a sliding TTL (<see cref="BotOptions.DeduplicationWindow"/>).</summary>
internal sealed class InMemoryInboundDeduplicator(IOptions<BotOptions> options, TimeProvider time) : IInboundDeduplicator
{
    private const int SweepEvery = 256;
    private readonly ConcurrentDictionary<string, DateTimeOffset> _expiries = new(StringComparer.Ordinal);
    private int _claims;

    /// <summary>Entries held, expired ones not yet swept included.</summary>
    internal int Count => _expiries.Count;

    public ValueTask<bool> TryClaimAsync(string key, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var expiry = now + options.Value.DeduplicationWindow;
        if (Interlocked.Increment(ref _claims) % SweepEvery == 0)
        {
            Sweep(now);
        }

        while (true)
        {
            if (_expiries.TryAdd(key, expiry))
            {
                return ValueTask.FromResult(true);
            }

            if (!_expiries.TryGetValue(key, out var existing))
            {
                continue;
            }

            if (existing > now)
            {
                return ValueTask.FromResult(false);
            }

            // Expired entry: take it over, unless another delivery just did.
            if (_expiries.TryUpdate(key, expiry, existing))
            {
                return ValueTask.FromResult(true);
            }
        }
    }

    public ValueTask ReleaseAsync(string key, CancellationToken cancellationToken)
    {
        _expiries.TryRemove(key, out _);
        return ValueTask.CompletedTask;
    }

    private void Sweep(DateTimeOffset now)
    {
        foreach (var (key, expiry) in _expiries)
        {
            if (expiry <= now)
            {
                _expiries.TryRemove(new KeyValuePair<string, DateTimeOffset>(key, expiry));
            }
        }
    }
}
