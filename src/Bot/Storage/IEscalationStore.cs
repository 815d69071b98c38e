namespace Clinic.Bot.Storage;

/// <summary>The escalation outbox: delivery claims for dispatchers, staff actions and their audit trail.</summary>
public interface IEscalationStore
{
    /// <summary>
    /// Claims up to <paramref name="max"/> due deliveries (pending or failed, retry time reached, no live lease) for
    /// <paramref name="lease"/>. Concurrent callers, in this process or others, never receive the same delivery.
    /// Each claim counts as an attempt.
    /// </summary>
    Task<IReadOnlyList<ClaimedDelivery>> ClaimDueDeliveriesAsync(string workerId, int max, TimeSpan lease, DateTimeOffset now, CancellationToken cancellationToken = default);

    /// <summary>Marks a delivery as sent and releases its claim. False when no such delivery exists.</summary>
    Task<bool> MarkDeliveredAsync(string escalationId, string sink, string? externalId, DateTimeOffset now, CancellationToken cancellationToken = default);

    /// <summary>
    /// Records a failed attempt and releases the claim; the delivery is due again at <paramref name="nextAttemptAt"/>,
    /// or never again when it is null. Does nothing to a delivery that is already delivered (returns false).
    /// </summary>
    Task<bool> MarkFailedAsync(string escalationId, string sink, string error, DateTimeOffset? nextAttemptAt, CancellationToken cancellationToken = default);

    /// <summary>Makes a delivery due again at <paramref name="at"/>, only while its escalation is still open.</summary>
    Task<bool> ScheduleResendAsync(string escalationId, string sink, DateTimeOffset at, CancellationToken cancellationToken = default);

    /// <summary>
    /// Open escalations of <paramref name="kind"/> created at or before <paramref name="olderThan"/> with nothing
    /// waiting to be sent and no delivery since then: staff have not acknowledged them within the window.
    /// </summary>
    Task<IReadOnlyList<EscalationRecord>> FindUnacknowledgedAsync(string kind, DateTimeOffset olderThan, CancellationToken cancellationToken = default);

    /// <summary>Deliveries not yet delivered that will still be attempted.</summary>
    Task<int> PendingCountAsync(CancellationToken cancellationToken = default);

    /// <summary>Escalations, most urgent then newest first; all statuses when <paramref name="status"/> is null.</summary>
    Task<IReadOnlyList<EscalationRecord>> ListEscalationsAsync(EscalationStatus? status, int limit, CancellationToken cancellationToken = default);

    /// <summary>One escalation with its deliveries, or null.</summary>
    Task<EscalationRecord?> GetEscalationAsync(string escalationId, CancellationToken cancellationToken = default);

    /// <summary>Changes the status and writes an audit row in the same transaction.</summary>
    Task<StatusChangeResult> SetEscalationStatusAsync(string escalationId, EscalationStatus status, string actor, DateTimeOffset now, CancellationToken cancellationToken = default);

    /// <summary>The audit trail of one escalation, oldest first.</summary>
    Task<IReadOnlyList<AuditEntry>> GetAuditAsync(string escalationId, CancellationToken cancellationToken = default);
}
