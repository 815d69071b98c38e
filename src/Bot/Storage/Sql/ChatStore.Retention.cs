namespace Clinic.Bot.Storage.Sql;

internal abstract partial class ChatStore
{
    public Task<PurgeResult> PurgeAsync(DateTimeOffset olderThan, CancellationToken cancellationToken = default) =>
        WriteAsync(async (connection, transaction, ct) =>
        {
            async Task<int> DeleteAsync(string sql)
            {
                await using var command = connection.Command(sql, transaction).With("cut", Time(olderThan));
                return await command.ExecuteNonQueryAsync(ct);
            }

            var transcript = await DeleteAsync("DELETE FROM transcript_entries WHERE sent_at < @cut");
            var conversations = await DeleteAsync("DELETE FROM conversations WHERE updated_at < @cut");
            var feedback = await DeleteAsync("DELETE FROM feedback WHERE rated_at < @cut");
            // Deliveries and audit rows go with their escalation (ON DELETE CASCADE). Open and acknowledged ones stay.
            var escalations = await DeleteAsync("DELETE FROM escalations WHERE status = 'resolved' AND COALESCE(resolved_at, created_at) < @cut");
            return new PurgeResult(transcript, conversations, feedback, escalations);
        }, cancellationToken);
}
