using System.Data.Common;

namespace Clinic.Bot.Storage.Sql;

/// <summary>
/// The SQL shared by both providers. Subclasses supply connections, write transactions, timestamp encoding, the claim
/// lock clause and the classification of provider errors; every statement here runs unchanged on SQLite and PostgreSQL.
/// </summary>
internal abstract partial class ChatStore : IConversationStore, IEscalationStore, IAsyncDisposable
{
    private readonly SemaphoreSlim _initializeLock = new(1, 1);
    private volatile bool _initialized;

    /// <summary>"SQLite" or "PostgreSQL", for messages.</summary>
    public abstract string ProviderName { get; }

    /// <summary>Replaces <c>{id}</c> and <c>{ts}</c> in <see cref="Schema"/>.</summary>
    protected abstract string IdentityColumnType { get; }

    protected abstract string TimestampColumnType { get; }

    /// <summary>Appended to the claim's row selection; PostgreSQL skips rows other claimers hold.</summary>
    protected abstract string ClaimLockClause { get; }

    protected abstract Task<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken);

    /// <summary>
    /// A transaction that serializes with other writers where the provider needs it (SQLite: BEGIN IMMEDIATE). A
    /// <paramref name="critical"/> one must be on disk when it commits, even where ordinary commits may wait for the next sync.
    /// </summary>
    protected abstract Task<DbTransaction> BeginWriteAsync(DbConnection connection, bool critical, CancellationToken cancellationToken);

    protected abstract object ToDbTime(DateTimeOffset utcValue);

    protected abstract DateTimeOffset ReadTime(DbDataReader reader, int ordinal);

    /// <summary>A short reason free of personal data when <paramref name="exception"/> means the database is unreachable or cannot write; null otherwise.</summary>
    protected abstract string? DescribeUnavailable(Exception exception);

    /// <summary>Runs once per migration before anything else (SQLite: journal mode), and under the write transaction (PostgreSQL: advisory lock).</summary>
    protected virtual Task PrepareDatabaseAsync(DbConnection connection, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Waits until this process may start a write transaction; disposing the result lets the next writer in (null: no wait).</summary>
    protected virtual ValueTask<IDisposable?> EnterWriteAsync(CancellationToken cancellationToken) => ValueTask.FromResult<IDisposable?>(null);

    protected virtual Task LockForMigrationAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Called after an availability failure, e.g. to drop pooled connections to a server that went away.</summary>
    protected virtual void OnUnavailable()
    {
    }

    public abstract ValueTask DisposeAsync();

    /// <summary>Creates or migrates the schema. Idempotent and safe to race from several instances.</summary>
    public Task InitializeAsync(CancellationToken cancellationToken = default) =>
        GuardAsync(async () =>
        {
            await EnsureInitializedAsync(cancellationToken);
            return true;
        });

    public async Task<StoreHealth> CheckHealthAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            var version = await ReadAsync(async (connection, ct) =>
            {
                await using var command = connection.Command("SELECT MAX(version) FROM schema_version");
                return Convert.ToInt32(await command.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
            }, cancellationToken);
            return new StoreHealth(true, $"{ProviderName} answers, schema version {version}.");
        }
        catch (StoreUnavailableException ex)
        {
            return new StoreHealth(false, ex.Message);
        }
    }

    protected object Time(DateTimeOffset value) => ToDbTime(Normalize(value));

    protected object? Time(DateTimeOffset? value) => value is { } v ? Time(v) : null;

    protected DateTimeOffset? ReadNullableTime(DbDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : ReadTime(reader, ordinal);

    /// <summary>UTC at microsecond precision, the finest PostgreSQL keeps, so both providers return what was stored.</summary>
    internal static DateTimeOffset Normalize(DateTimeOffset value) =>
        new(value.UtcTicks - value.UtcTicks % 10, TimeSpan.Zero);

    protected Task<T> ReadAsync<T>(Func<DbConnection, CancellationToken, Task<T>> work, CancellationToken cancellationToken) =>
        GuardAsync(async () =>
        {
            await EnsureInitializedAsync(cancellationToken);
            await using var connection = await OpenConnectionAsync(cancellationToken);
            return await work(connection, cancellationToken);
        });

    /// <summary>
    /// Runs <paramref name="work"/> in one write transaction and commits; any exception rolls everything back.
    /// <paramref name="critical"/>: the commit must survive a power cut, not only a crash of the process (escalations).
    /// </summary>
    protected Task<T> WriteAsync<T>(Func<DbConnection, DbTransaction, CancellationToken, Task<T>> work, CancellationToken cancellationToken, bool critical = false) =>
        GuardAsync(async () =>
        {
            await EnsureInitializedAsync(cancellationToken);
            using var writer = await EnterWriteAsync(cancellationToken);
            await using var connection = await OpenConnectionAsync(cancellationToken);
            await using var transaction = await BeginWriteAsync(connection, critical, cancellationToken);
            var result = await work(connection, transaction, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return result;
        });

    private async Task<T> GuardAsync<T>(Func<Task<T>> operation)
    {
        try
        {
            return await operation();
        }
        catch (Exception ex) when (ex is not StoreUnavailableException && DescribeUnavailable(ex) is { } reason)
        {
            OnUnavailable();
            throw new StoreUnavailableException($"The conversation store is unavailable ({ProviderName}: {reason}). Nothing was written; retry later.", ex);
        }
    }

    private async Task EnsureInitializedAsync(CancellationToken cancellationToken)
    {
        if (_initialized)
        {
            return;
        }
        await _initializeLock.WaitAsync(cancellationToken);
        try
        {
            if (!_initialized)
            {
                await MigrateAsync(cancellationToken);
                _initialized = true;
            }
        }
        finally
        {
            _initializeLock.Release();
        }
    }

    private async Task MigrateAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        await PrepareDatabaseAsync(connection, cancellationToken);
        await using var transaction = await BeginWriteAsync(connection, critical: true, cancellationToken);
        await LockForMigrationAsync(connection, transaction, cancellationToken);
        await using (var create = connection.Command(Ddl(Schema.VersionTable), transaction))
        {
            await create.ExecuteNonQueryAsync(cancellationToken);
        }
        int current;
        await using (var query = connection.Command("SELECT COALESCE(MAX(version), 0) FROM schema_version", transaction))
        {
            current = Convert.ToInt32(await query.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
        }
        foreach (var (version, sql) in Schema.Migrations.Where(m => m.Version > current))
        {
            await using var migrate = connection.Command(Ddl(sql), transaction);
            await migrate.ExecuteNonQueryAsync(cancellationToken);
            await using var record = connection.Command("INSERT INTO schema_version (version, applied_at) VALUES (@version, @at)", transaction)
                .With("version", version)
                .With("at", Time(DateTimeOffset.UtcNow));
            await record.ExecuteNonQueryAsync(cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
    }

    private string Ddl(string sql) => sql.Replace("{id}", IdentityColumnType, StringComparison.Ordinal)
        .Replace("{ts}", TimestampColumnType, StringComparison.Ordinal);
}
