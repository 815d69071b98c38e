namespace Clinic.Bot.Storage.Sql;

internal abstract partial class ChatStore
{
    private const string StillToSend = "(status = 'pending' OR (status = 'failed' AND next_attempt_at IS NOT NULL))";

    public Task<IReadOnlyList<ClaimedDelivery>> ClaimDueDeliveriesAsync(string workerId, int max, TimeSpan lease, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(workerId);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(max);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(lease, TimeSpan.Zero);
        var until = Normalize(now + lease);
        return WriteAsync<IReadOnlyList<ClaimedDelivery>>(async (connection, transaction, ct) =>
        {
            // One statement picks and stamps the rows. PostgreSQL's SKIP LOCKED makes concurrent claimers pass over rows
            // another transaction is taking; SQLite's immediate transaction lets only one writer in at a time.
            await using var claim = connection.Command($"""
                WITH due AS MATERIALIZED (
                    SELECT d.escalation_id, d.sink
                    FROM escalation_deliveries d
                    JOIN escalations e ON e.escalation_id = d.escalation_id
                    WHERE d.status IN ('pending', 'failed')
                      AND d.next_attempt_at <= @now
                      AND (d.claimed_until IS NULL OR d.claimed_until <= @now)
                    ORDER BY e.priority DESC, d.next_attempt_at, d.escalation_id, d.sink
                    LIMIT @max
                    {ClaimLockClause}
                )
                UPDATE escalation_deliveries
                SET claimed_by = @worker, claimed_until = @until, attempts = attempts + 1
                WHERE (escalation_id, sink) IN (SELECT escalation_id, sink FROM due)
                RETURNING escalation_id, sink, attempts
                """, transaction)
                .With("now", Time(now))
                .With("max", max)
                .With("worker", workerId)
                .With("until", Time(until));
            var claimed = new List<(string EscalationId, string Sink, int Attempts)>();
            await using (var reader = await claim.ExecuteReaderAsync(ct))
            {
                while (await reader.ReadAsync(ct))
                {
                    claimed.Add((reader.GetString(0), reader.GetString(1), reader.GetInt32(2)));
                }
            }
            if (claimed.Count == 0)
            {
                return [];
            }
            var ids = claimed.Select(c => c.EscalationId).Distinct().ToList();
            var escalations = await QueryEscalationsAsync(connection, transaction,
                DbCommandExtensions.ListParameters("e", ids.Count), command => command.WithList("e", ids), ct);
            var byId = escalations.ToDictionary(e => e.Id, StringComparer.Ordinal);
            return claimed.Select(c => new ClaimedDelivery(byId[c.EscalationId], c.Sink, c.Attempts, until)).ToList();
        }, cancellationToken);
    }

    public Task<bool> MarkDeliveredAsync(string escalationId, string sink, string? externalId, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        UpdateDeliveryAsync("""
            UPDATE escalation_deliveries
            SET status = 'delivered', delivered_at = @now, external_id = @external, next_attempt_at = NULL,
                claimed_by = NULL, claimed_until = NULL
            WHERE escalation_id = @id AND sink = @sink
            """, escalationId, sink, command => command.With("now", Time(now)).With("external", externalId), cancellationToken);

    public Task<bool> MarkFailedAsync(string escalationId, string sink, string error, DateTimeOffset? nextAttemptAt, CancellationToken cancellationToken = default) =>
        // A late failure report (lease expired, another worker delivered meanwhile) must not undo a delivery.
        UpdateDeliveryAsync("""
            UPDATE escalation_deliveries
            SET status = 'failed', last_error = @error, next_attempt_at = @next, claimed_by = NULL, claimed_until = NULL
            WHERE escalation_id = @id AND sink = @sink AND status <> 'delivered'
            """, escalationId, sink, command => command.With("error", error).With("next", Time(nextAttemptAt)), cancellationToken);

    public Task<bool> ScheduleResendAsync(string escalationId, string sink, DateTimeOffset at, CancellationToken cancellationToken = default) =>
        // Only while still open (staff may acknowledge between the search and this call), and not while already queued.
        UpdateDeliveryAsync("""
            UPDATE escalation_deliveries
            SET status = 'pending', next_attempt_at = @at, claimed_by = NULL, claimed_until = NULL
            WHERE escalation_id = @id AND sink = @sink AND status <> 'pending'
              AND EXISTS (SELECT 1 FROM escalations e WHERE e.escalation_id = @id AND e.status = 'open')
            """, escalationId, sink, command => command.With("at", Time(at)), cancellationToken);

    public Task<IReadOnlyList<EscalationRecord>> FindUnacknowledgedAsync(string kind, DateTimeOffset olderThan, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(kind);
        return ReadAsync<IReadOnlyList<EscalationRecord>>(async (connection, ct) => await QueryEscalationsAsync(connection, null, $"""
            SELECT x.escalation_id FROM escalations x
            WHERE x.kind = @kind AND x.status = 'open' AND x.created_at <= @cut
              AND NOT EXISTS (
                  SELECT 1 FROM escalation_deliveries
                  WHERE escalation_id = x.escalation_id AND ({StillToSend} OR delivered_at > @cut))
            """, command => command.With("kind", kind).With("cut", Time(olderThan)), ct), cancellationToken);
    }

    public Task<int> PendingCountAsync(CancellationToken cancellationToken = default) =>
        ReadAsync(async (connection, ct) =>
        {
            await using var command = connection.Command($"SELECT COUNT(*) FROM escalation_deliveries WHERE {StillToSend}");
            return Convert.ToInt32(await command.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
        }, cancellationToken);

    private Task<bool> UpdateDeliveryAsync(string sql, string escalationId, string sink, Action<System.Data.Common.DbCommand> bind, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(escalationId);
        ArgumentException.ThrowIfNullOrEmpty(sink);
        return WriteAsync(async (connection, transaction, ct) =>
        {
            await using var command = connection.Command(sql, transaction).With("id", escalationId).With("sink", sink);
            bind(command);
            return await command.ExecuteNonQueryAsync(ct) == 1;
        }, cancellationToken);
    }
}
