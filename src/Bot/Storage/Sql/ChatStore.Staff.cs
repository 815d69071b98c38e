namespace Clinic.Bot.Storage.Sql;

internal abstract partial class ChatStore
{
    public Task<IReadOnlyList<EscalationRecord>> ListEscalationsAsync(EscalationStatus? status, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        var filter = status is null ? "" : "WHERE status = @status";
        return ReadAsync<IReadOnlyList<EscalationRecord>>(async (connection, ct) => await QueryEscalationsAsync(connection, null,
            $"SELECT escalation_id FROM escalations {filter} ORDER BY priority DESC, created_at DESC, escalation_id LIMIT @limit",
            command =>
            {
                command.With("limit", limit);
                if (status is { } s)
                {
                    command.With("status", EnumText.From(s));
                }
            }, ct), cancellationToken);
    }

    public Task<EscalationRecord?> GetEscalationAsync(string escalationId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(escalationId);
        return ReadAsync(async (connection, ct) =>
        {
            var found = await QueryEscalationsAsync(connection, null, "@id", command => command.With("id", escalationId), ct);
            return found.Count == 0 ? null : found[0];
        }, cancellationToken);
    }

    public Task<StatusChangeResult> SetEscalationStatusAsync(string escalationId, EscalationStatus status, string actor, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(escalationId);
        ArgumentException.ThrowIfNullOrEmpty(actor);
        var set = status switch
        {
            EscalationStatus.Acknowledged => "acknowledged_by = @actor, acknowledged_at = @now",
            EscalationStatus.Resolved => "resolved_by = @actor, resolved_at = @now",
            // Reopening means nobody is on it any more: the unacknowledged-crisis reminders apply again.
            EscalationStatus.Open => "acknowledged_by = NULL, acknowledged_at = NULL, resolved_by = NULL, resolved_at = NULL",
            _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Unknown escalation status."),
        };
        var statusText = EnumText.From(status);
        return WriteAsync(async (connection, transaction, ct) =>
        {
            await using (var update = connection.Command($"""
                UPDATE escalations SET status = @status, {set}
                WHERE escalation_id = @id AND status <> @status
                """, transaction)
                .With("status", statusText)
                .With("id", escalationId)
                .With("actor", actor)
                .With("now", Time(now)))
            {
                if (await update.ExecuteNonQueryAsync(ct) == 0)
                {
                    await using var exists = connection.Command("SELECT COUNT(*) FROM escalations WHERE escalation_id = @id", transaction)
                        .With("id", escalationId);
                    return Convert.ToInt64(await exists.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture) == 0
                        ? StatusChangeResult.NotFound
                        : StatusChangeResult.Unchanged;
                }
            }
            await InsertAuditAsync(connection, transaction, escalationId, statusText, actor, now, ct);
            return StatusChangeResult.Changed;
        }, cancellationToken, critical: true);
    }

    public Task<IReadOnlyList<AuditEntry>> GetAuditAsync(string escalationId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(escalationId);
        return ReadAsync<IReadOnlyList<AuditEntry>>(async (connection, ct) =>
        {
            await using var command = connection.Command("""
                SELECT audit_id, escalation_id, action, actor, acted_at FROM escalation_audit
                WHERE escalation_id = @id ORDER BY audit_id
                """).With("id", escalationId);
            await using var reader = await command.ExecuteReaderAsync(ct);
            var entries = new List<AuditEntry>();
            while (await reader.ReadAsync(ct))
            {
                entries.Add(new AuditEntry(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), ReadTime(reader, 4)));
            }
            return entries;
        }, cancellationToken);
    }
}
