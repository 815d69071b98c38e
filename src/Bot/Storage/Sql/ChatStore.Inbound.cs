namespace Clinic.Bot.Storage.Sql;

internal abstract partial class ChatStore
{
    /// <summary>
    /// Records <paramref name="key"/> until <paramref name="expiresAt"/>. True when this call took it: the key was new,
    /// or its earlier record had expired. One statement, so two instances racing for a key cannot both win.
    /// </summary>
    public Task<bool> TryClaimInboundAsync(string key, DateTimeOffset now, DateTimeOffset expiresAt, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        return WriteAsync(async (connection, transaction, ct) =>
        {
            await using var claim = connection.Command("""
                INSERT INTO inbound_activities (activity_key, expires_at) VALUES (@key, @expires)
                ON CONFLICT (activity_key) DO UPDATE SET expires_at = excluded.expires_at
                WHERE inbound_activities.expires_at <= @now
                """, transaction)
                .With("key", key)
                .With("expires", Time(expiresAt))
                .With("now", Time(now));
            return await claim.ExecuteNonQueryAsync(ct) == 1;
        }, cancellationToken);
    }

    /// <summary>Moves the expiry of these claims to <paramref name="expiresAt"/>: a running turn's lease, or a finished turn's window.</summary>
    public Task ExtendInboundAsync(IReadOnlyList<string> keys, DateTimeOffset expiresAt, CancellationToken cancellationToken = default) =>
        WriteAsync(async (connection, transaction, ct) =>
        {
            foreach (var chunk in keys.Chunk(500))
            {
                await using var command = connection.Command(
                    $"UPDATE inbound_activities SET expires_at = @expires WHERE activity_key IN ({DbCommandExtensions.ListParameters("k", chunk.Length)})", transaction)
                    .With("expires", Time(expiresAt))
                    .WithList("k", chunk);
                await command.ExecuteNonQueryAsync(ct);
            }
            return true;
        }, cancellationToken);

    /// <summary>Forgets a claim, so a redelivery of that activity is processed.</summary>
    public Task ReleaseInboundAsync(string key, CancellationToken cancellationToken = default) =>
        ExecuteWriteAsync("DELETE FROM inbound_activities WHERE activity_key = @key", "key", key, cancellationToken);

    /// <summary>Deletes expired claims; returns how many.</summary>
    public Task<int> SweepInboundAsync(DateTimeOffset now, CancellationToken cancellationToken = default) =>
        ExecuteWriteAsync("DELETE FROM inbound_activities WHERE expires_at <= @value", "value", Time(now), cancellationToken);

    private Task<int> ExecuteWriteAsync(string sql, string name, object value, CancellationToken cancellationToken) =>
        WriteAsync(async (connection, transaction, ct) =>
        {
            await using var command = connection.Command(sql, transaction).With(name, value);
            return await command.ExecuteNonQueryAsync(ct);
        }, cancellationToken);
}
