using System.Data.Common;

namespace Clinic.Bot.Storage.Sql;

internal abstract partial class ChatStore
{
    public Task<StoredConversation?> GetAsync(string conversationId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(conversationId);
        return ReadAsync(async (connection, ct) =>
        {
            await using var command = connection.Command("""
                SELECT conversation_id, channel_id, state_json, etag, updated_at
                FROM conversations WHERE conversation_id = @id
                """).With("id", conversationId);
            await using var reader = await command.ExecuteReaderAsync(ct);
            return await reader.ReadAsync(ct)
                ? new StoredConversation(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), ReadTime(reader, 4))
                : null;
        }, cancellationToken);
    }

    public Task<SaveResult> SaveTurnAsync(TurnWrite turn, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentException.ThrowIfNullOrEmpty(turn.ConversationId);
        ArgumentNullException.ThrowIfNull(turn.ChannelId);
        ArgumentNullException.ThrowIfNull(turn.StateJson);
        return WriteAsync<SaveResult>(async (connection, transaction, ct) =>
        {
            var etag = Guid.NewGuid().ToString("N");
            // The state row goes first: when it is refused, nothing else has been written and the empty commit is harmless.
            await using (var state = StateCommand(connection, transaction, turn, etag))
            {
                if (await state.ExecuteNonQueryAsync(ct) == 0)
                {
                    return new SaveResult.Conflict();
                }
            }
            foreach (var entry in turn.Transcript)
            {
                await using var insert = connection.Command("""
                    INSERT INTO transcript_entries (conversation_id, role, message_text, activity_id, sent_at)
                    VALUES (@conversation, @role, @text, @activity, @at)
                    """, transaction)
                    .With("conversation", turn.ConversationId)
                    .With("role", EnumText.From(entry.Role))
                    .With("text", entry.Text)
                    .With("activity", entry.ActivityId)
                    .With("at", Time(entry.At));
                await insert.ExecuteNonQueryAsync(ct);
            }
            foreach (var escalation in turn.Escalations)
            {
                await InsertEscalationAsync(connection, transaction, turn, escalation, ct);
            }
            return new SaveResult.Saved(etag);
        }, cancellationToken, critical: turn.Escalations.Count > 0);
    }

    private DbCommand StateCommand(DbConnection connection, DbTransaction transaction, TurnWrite turn, string etag)
    {
        var sql = turn.ExpectedETag is null
            ? """
              INSERT INTO conversations (conversation_id, channel_id, state_json, etag, updated_at)
              VALUES (@id, @channel, @state, @etag, @now)
              ON CONFLICT (conversation_id) DO NOTHING
              """
            : """
              UPDATE conversations SET channel_id = @channel, state_json = @state, etag = @etag, updated_at = @now
              WHERE conversation_id = @id AND etag = @expected
              """;
        var command = connection.Command(sql, transaction)
            .With("id", turn.ConversationId)
            .With("channel", turn.ChannelId)
            .With("state", turn.StateJson)
            .With("etag", etag)
            .With("now", Time(turn.Now));
        return turn.ExpectedETag is null ? command : command.With("expected", turn.ExpectedETag);
    }

    private async Task InsertEscalationAsync(DbConnection connection, DbTransaction transaction, TurnWrite turn, NewEscalation escalation, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrEmpty(escalation.Id);
        ArgumentException.ThrowIfNullOrEmpty(escalation.Kind);
        await using (var insert = connection.Command("""
            INSERT INTO escalations (escalation_id, conversation_id, kind, priority, reasons_json, triggering_text,
                                     transcript_excerpt, contact_json, status, created_at)
            VALUES (@id, @conversation, @kind, @priority, @reasons, @trigger, @excerpt, @contact, 'open', @now)
            """, transaction)
            .With("id", escalation.Id)
            .With("conversation", turn.ConversationId)
            .With("kind", escalation.Kind)
            .With("priority", escalation.Priority)
            .With("reasons", escalation.ReasonsJson)
            .With("trigger", escalation.TriggeringText)
            .With("excerpt", escalation.TranscriptExcerpt)
            .With("contact", escalation.ContactJson)
            .With("now", Time(turn.Now)))
        {
            await insert.ExecuteNonQueryAsync(ct);
        }
        await InsertAuditAsync(connection, transaction, escalation.Id, "created", "bot", turn.Now, ct);
        foreach (var sink in turn.DeliverySinks.Distinct(StringComparer.Ordinal))
        {
            await using var delivery = connection.Command("""
                INSERT INTO escalation_deliveries (escalation_id, sink, status, attempts, next_attempt_at)
                VALUES (@id, @sink, 'pending', 0, @now)
                """, transaction)
                .With("id", escalation.Id)
                .With("sink", sink)
                .With("now", Time(turn.Now));
            await delivery.ExecuteNonQueryAsync(ct);
        }
    }

    public Task<IReadOnlyList<TranscriptEntry>> GetTranscriptAsync(string conversationId, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(conversationId);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        return ReadAsync<IReadOnlyList<TranscriptEntry>>(async (connection, ct) =>
        {
            await using var command = connection.Command("""
                SELECT role, message_text, sent_at, activity_id FROM transcript_entries
                WHERE conversation_id = @id ORDER BY entry_id DESC LIMIT @limit
                """).With("id", conversationId).With("limit", limit);
            await using var reader = await command.ExecuteReaderAsync(ct);
            var entries = new List<TranscriptEntry>();
            while (await reader.ReadAsync(ct))
            {
                entries.Add(new TranscriptEntry(EnumText.ToTranscriptRole(reader.GetString(0)), reader.GetString(1), ReadTime(reader, 2), reader.GetNullableString(3)));
            }
            entries.Reverse();
            return entries;
        }, cancellationToken);
    }
}
