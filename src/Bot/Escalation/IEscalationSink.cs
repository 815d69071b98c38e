using Clinic.Bot.Storage;

namespace Clinic.Bot.Escalation;

/// <summary>A place staff alerts go (Teams channel, email, webhook). Deliveries are retried, so a sink must deduplicate by escalation id.</summary>
public interface IEscalationSink
{
    /// <summary>The name stored on each delivery row, e.g. <c>teams</c>.</summary>
    string Name { get; }

    /// <summary>Delivers the alert; returns an external id (message id) when the target gives one. Throws on failure so the dispatcher retries.</summary>
    Task<string?> DeliverAsync(EscalationRecord escalation, CancellationToken cancellationToken);
}
