using Microsoft.Extensions.Options;

namespace Clinic.Bot.DirectLine;

/// <summary>
/// Runs bot turns one at a time per conversation, in the order they were posted, off the request thread, so a slow
/// answer never blocks the visitor's next post from being echoed. A conversation may have only a few turns waiting.
/// </summary>
internal sealed class ConversationTurnQueue(
    IOptions<DirectLineOptions> options, IHostApplicationLifetime lifetime, TimeProvider time, ILogger<ConversationTurnQueue> logger)
{
    private readonly Dictionary<string, Lane> _lanes = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    /// <summary>Takes a place in the conversation's queue; false when too many turns are already waiting.</summary>
    public bool TryReserve(string conversationId)
    {
        lock (_gate)
        {
            if (!_lanes.TryGetValue(conversationId, out var lane))
            {
                _lanes[conversationId] = lane = new Lane();
            }
            if (lane.Pending >= options.Value.MaxPendingTurnsPerConversation)
            {
                return false;
            }
            lane.Pending++;
            return true;
        }
    }

    /// <summary>Gives back a place taken with <see cref="TryReserve"/> that will not be used.</summary>
    public void Release(string conversationId)
    {
        lock (_gate)
        {
            if (_lanes.TryGetValue(conversationId, out var lane) && --lane.Pending == 0)
            {
                _lanes.Remove(conversationId);
            }
        }
    }

    /// <summary>Runs <paramref name="turn"/> in a place taken with <see cref="TryReserve"/>, after the turns before it.</summary>
    public void Run(string conversationId, Func<CancellationToken, Task> turn)
    {
        lock (_gate)
        {
            var lane = _lanes[conversationId];
            lane.Tail = RunAfterAsync(lane.Tail, conversationId, turn);
        }
    }

    /// <summary>Completes when every turn queued so far for the conversation has finished.</summary>
    public Task WhenIdleAsync(string conversationId)
    {
        lock (_gate)
        {
            return _lanes.TryGetValue(conversationId, out var lane) ? lane.Tail : Task.CompletedTask;
        }
    }

    private async Task RunAfterAsync(Task previous, string conversationId, Func<CancellationToken, Task> turn)
    {
        // Always yield: this is called under the lock and must not run the turn there.
        await previous.ConfigureAwait(ConfigureAwaitOptions.ForceYielding | ConfigureAwaitOptions.SuppressThrowing);
        try
        {
            using var timeout = new CancellationTokenSource(options.Value.TurnTimeout, time);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, lifetime.ApplicationStopping);
            await turn(linked.Token);
        }
        catch (Exception ex)
        {
            // The runner reports its own failures; this only keeps one broken turn from stalling the lane.
            logger.LogError(ex, "A Direct Line turn failed outside the bot runner in conversation {ConversationId}", conversationId);
        }
        finally
        {
            Release(conversationId);
        }
    }

    private sealed class Lane
    {
        public int Pending;
        public Task Tail = Task.CompletedTask;
    }
}
