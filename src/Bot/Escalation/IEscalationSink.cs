using Clinic.Bot.Storage;

namespace Clinic.Bot.Escalation;

/// <summary>
/// A place staff alerts go (Teams channel, email, webhook). Deliveries are retried, so a sink must deduplicate by
/// escalation id: a retry of the same delivery must never make a second alert at the receiver.
/// </summary>
public interface IEscalationSink
{
    /// <summary>The name stored on each delivery row, e.g. <c>teams</c>.</summary>
    string Name { get; }

    /// <summary>
    /// Delivers the alert; returns an external id (message id) when the target gives one. A delivery of this sink that
    /// already has a <see cref="DeliveryRecord.DeliveredAt"/> is a reminder (the crisis was not acknowledged in time).
    /// Throws <see cref="SinkRetryAfterException"/> to be retried at a given time, <see cref="SinkRejectedException"/>
    /// when retrying cannot help, and anything else to be retried with backoff.
    /// </summary>
    Task<string?> DeliverAsync(EscalationRecord escalation, CancellationToken cancellationToken);
}
