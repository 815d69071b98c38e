using System.Data.Common;

namespace Clinic.Bot.Storage.Sql;

internal abstract partial class ChatStore
{
    /// <summary>
    /// Loads escalations and their deliveries in one statement (one snapshot). <paramref name="idSelection"/> is a
    /// SELECT of escalation ids; its parameters are added by <paramref name="bind"/>.
    /// </summary>
    private async Task<List<EscalationRecord>> QueryEscalationsAsync(
        DbConnection connection, DbTransaction? transaction, string idSelection, Action<DbCommand> bind, CancellationToken ct)
    {
        await using var command = connection.Command($"""
            SELECT e.escalation_id, e.conversation_id, e.kind, e.priority, e.reasons_json, e.triggering_text,
                   e.transcript_excerpt, e.contact_json, e.status, e.created_at, e.acknowledged_by, e.acknowledged_at,
                   e.resolved_by, e.resolved_at,
                   d.sink, d.status, d.attempts, d.next_attempt_at, d.claimed_by, d.claimed_until, d.last_error,
                   d.delivered_at, d.external_id
            FROM escalations e
            LEFT JOIN escalation_deliveries d ON d.escalation_id = e.escalation_id
            WHERE e.escalation_id IN ({idSelection})
            ORDER BY e.priority DESC, e.created_at DESC, e.escalation_id, d.sink
            """, transaction);
        bind(command);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var result = new List<EscalationRecord>();
        List<DeliveryRecord>? deliveries = null;
        while (await reader.ReadAsync(ct))
        {
            var id = reader.GetString(0);
            if (result.Count == 0 || result[^1].Id != id)
            {
                deliveries = [];
                result.Add(ReadEscalation(reader, deliveries));
            }
            if (!reader.IsDBNull(14))
            {
                deliveries!.Add(ReadDelivery(reader, id));
            }
        }
        return result;
    }

    private EscalationRecord ReadEscalation(DbDataReader reader, IReadOnlyList<DeliveryRecord> deliveries) => new(
        Id: reader.GetString(0),
        ConversationId: reader.GetString(1),
        Kind: reader.GetString(2),
        Priority: reader.GetInt32(3),
        ReasonsJson: reader.GetString(4),
        TriggeringText: reader.GetString(5),
        TranscriptExcerpt: reader.GetString(6),
        ContactJson: reader.GetNullableString(7),
        Status: EnumText.ToEscalationStatus(reader.GetString(8)),
        CreatedAt: ReadTime(reader, 9),
        AcknowledgedBy: reader.GetNullableString(10),
        AcknowledgedAt: ReadNullableTime(reader, 11),
        ResolvedBy: reader.GetNullableString(12),
        ResolvedAt: ReadNullableTime(reader, 13),
        Deliveries: deliveries);

    private DeliveryRecord ReadDelivery(DbDataReader reader, string escalationId) => new(
        EscalationId: escalationId,
        Sink: reader.GetString(14),
        Status: EnumText.ToDeliveryStatus(reader.GetString(15)),
        Attempts: reader.GetInt32(16),
        NextAttemptAt: ReadNullableTime(reader, 17),
        ClaimedBy: reader.GetNullableString(18),
        ClaimedUntil: ReadNullableTime(reader, 19),
        LastError: reader.GetNullableString(20),
        DeliveredAt: ReadNullableTime(reader, 21),
        ExternalId: reader.GetNullableString(22));

    private async Task InsertAuditAsync(DbConnection connection, DbTransaction transaction, string escalationId, string action, string actor, DateTimeOffset at, CancellationToken ct)
    {
        await using var audit = connection.Command("""
            INSERT INTO escalation_audit (escalation_id, action, actor, acted_at) VALUES (@id, @action, @actor, @at)
            """, transaction)
            .With("id", escalationId)
            .With("action", action)
            .With("actor", actor)
            .With("at", Time(at));
        await audit.ExecuteNonQueryAsync(ct);
    }
}
