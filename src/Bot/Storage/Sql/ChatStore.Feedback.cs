namespace Clinic.Bot.Storage.Sql;

internal abstract partial class ChatStore
{
    public Task RecordFeedbackAsync(string conversationId, string answerId, FeedbackRating rating, string? comment, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(conversationId);
        ArgumentException.ThrowIfNullOrEmpty(answerId);
        return WriteAsync(async (connection, transaction, ct) =>
        {
            await using var command = connection.Command("""
                INSERT INTO feedback (conversation_id, answer_id, rating, comment, rated_at)
                VALUES (@conversation, @answer, @rating, @comment, @at)
                ON CONFLICT (conversation_id, answer_id)
                DO UPDATE SET rating = excluded.rating, comment = excluded.comment, rated_at = excluded.rated_at
                """, transaction)
                .With("conversation", conversationId)
                .With("answer", answerId)
                .With("rating", EnumText.From(rating))
                .With("comment", comment)
                .With("at", Time(at));
            return await command.ExecuteNonQueryAsync(ct);
        }, cancellationToken);
    }

    public Task<IReadOnlyList<FeedbackRecord>> GetFeedbackAsync(string conversationId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(conversationId);
        return ReadAsync<IReadOnlyList<FeedbackRecord>>(async (connection, ct) =>
        {
            await using var command = connection.Command("""
                SELECT conversation_id, answer_id, rating, comment, rated_at FROM feedback
                WHERE conversation_id = @conversation ORDER BY rated_at, answer_id
                """).With("conversation", conversationId);
            await using var reader = await command.ExecuteReaderAsync(ct);
            var records = new List<FeedbackRecord>();
            while (await reader.ReadAsync(ct))
            {
                records.Add(new FeedbackRecord(reader.GetString(0), reader.GetString(1), EnumText.ToFeedbackRating(reader.GetString(2)), reader.GetNullableString(3), ReadTime(reader, 4)));
            }
            return records;
        }, cancellationToken);
    }
}
