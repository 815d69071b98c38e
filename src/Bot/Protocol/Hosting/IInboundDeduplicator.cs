namespace Clinic.Bot.Protocol.Hosting;

/// <summary>
/// Remembers inbound activities so a redelivery (Teams resends when a turn is slow) is processed once.
/// Keys come from <see cref="InboundActivityKey.For"/>. A store-backed implementation makes this hold across instances.
/// </summary>
public interface IInboundDeduplicator
{
    /// <summary>True for the first delivery within the window (the caller processes it); false for a repeat.</summary>
    ValueTask<bool> TryClaimAsync(string key, CancellationToken cancellationToken);

    /// <summary>The claimed activity's turn finished: remember it for the whole window.</summary>
    ValueTask CompleteAsync(string key, CancellationToken cancellationToken) => ValueTask.CompletedTask;

    /// <summary>Forgets a claim whose turn failed, so a redelivery can try again.</summary>
    ValueTask ReleaseAsync(string key, CancellationToken cancellationToken);
}
