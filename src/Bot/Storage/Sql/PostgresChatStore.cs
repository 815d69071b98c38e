using System.Data.Common;
using System.Net.Sockets;
using Npgsql;

namespace Clinic.Bot.Storage.Sql;

/// <summary>PostgreSQL through one pooled <see cref="NpgsqlDataSource"/>; safe for any number of bot instances.</summary>
internal sealed class PostgresChatStore : ChatStore
{
    // Any constant works; it only has to be the same for every instance of this application.
    private const long MigrationLockKey = 0x436C696E6963426FL;

    private readonly NpgsqlDataSource _dataSource;

    public PostgresChatStore(string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        _dataSource = NpgsqlDataSource.Create(connectionString);
    }

    public override string ProviderName => "PostgreSQL";

    protected override string IdentityColumnType => "BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY";

    protected override string TimestampColumnType => "TIMESTAMPTZ";

    protected override string ClaimLockClause => "FOR UPDATE OF d SKIP LOCKED";

    protected override async Task<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken) =>
        await _dataSource.OpenConnectionAsync(cancellationToken);

    // Every PostgreSQL commit waits for its WAL to reach the disk (synchronous_commit on, the server's default).
    protected override async Task<DbTransaction> BeginWriteAsync(DbConnection connection, bool critical, CancellationToken cancellationToken) =>
        await connection.BeginTransactionAsync(cancellationToken);

    protected override async Task LockForMigrationAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
    {
        // CREATE TABLE IF NOT EXISTS still races in the catalog when two instances start together.
        await using var command = connection.Command("SELECT pg_advisory_xact_lock(@key)", transaction).With("key", MigrationLockKey);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    protected override object ToDbTime(DateTimeOffset utcValue) => utcValue;

    protected override DateTimeOffset ReadTime(DbDataReader reader, int ordinal) => reader.GetFieldValue<DateTimeOffset>(ordinal);

    protected override string? DescribeUnavailable(Exception exception) => exception switch
    {
        PostgresException pg => pg.SqlState switch
        {
            ['0', '8', ..] => $"connection failure, SQLSTATE {pg.SqlState}",
            ['2', '8', ..] => $"the server refused the credentials, SQLSTATE {pg.SqlState}",
            "3D000" => "the database does not exist, SQLSTATE 3D000",
            ['5', '3', ..] => $"the server is out of resources (disk full or too many connections), SQLSTATE {pg.SqlState}",
            ['5', '7', 'P', ..] => $"the server is shutting down or starting, SQLSTATE {pg.SqlState}",
            ['5', '8', ..] => $"the server had an I/O error, SQLSTATE {pg.SqlState}",
            _ => null,
        },
        // Everything Npgsql raises itself (not the server) is about the connection: refused, reset, timed out.
        NpgsqlException => "the server cannot be reached",
        SocketException or TimeoutException => "the server cannot be reached",
        _ => null,
    };

    // Pooled connections to a server that went away are dead; drop them so the next call dials afresh.
    protected override void OnUnavailable() => _dataSource.Clear();

    public override ValueTask DisposeAsync() => _dataSource.DisposeAsync();
}
