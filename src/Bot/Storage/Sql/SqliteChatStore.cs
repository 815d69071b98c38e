using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Clinic.Bot.Storage.Sql;

/// <summary>One SQLite file in WAL mode. Writers take the lock up front (BEGIN IMMEDIATE) and wait for each other up to the busy timeout.</summary>
internal sealed class SqliteChatStore : ChatStore
{
    // Fixed width and always UTC, so text order is time order and comparisons in SQL are exact.
    private const string TimeFormat = "yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'";

    private readonly string _connectionString;
    private readonly int _busyTimeoutMilliseconds;

    public SqliteChatStore(string path, int busyTimeoutMilliseconds = 5000)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var fullPath = System.IO.Path.GetFullPath(path);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(fullPath)!);
        Path = fullPath;
        _busyTimeoutMilliseconds = busyTimeoutMilliseconds;
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = fullPath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            ForeignKeys = true,
            Pooling = true,
            DefaultTimeout = Math.Max(1, (busyTimeoutMilliseconds + 999) / 1000),
        }.ToString();
    }

    public string Path { get; }

    public override string ProviderName => "SQLite";

    protected override string IdentityColumnType => "INTEGER PRIMARY KEY";

    protected override string TimestampColumnType => "TEXT";

    protected override string ClaimLockClause => "";

    protected override async Task<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            await using var pragma = connection.Command($"PRAGMA busy_timeout = {_busyTimeoutMilliseconds.ToString(CultureInfo.InvariantCulture)}");
            await pragma.ExecuteNonQueryAsync(cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    protected override Task<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellationToken) =>
        Task.FromResult<DbTransaction>(((SqliteConnection)connection).BeginTransaction(deferred: false));

    protected override async Task PrepareDatabaseAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        // WAL lets readers run beside the writer and survives restarts; the setting is stored in the file.
        await using var wal = connection.Command("PRAGMA journal_mode = WAL");
        await wal.ExecuteScalarAsync(cancellationToken);
    }

    protected override object ToDbTime(DateTimeOffset utcValue) => utcValue.UtcDateTime.ToString(TimeFormat, CultureInfo.InvariantCulture);

    protected override DateTimeOffset ReadTime(DbDataReader reader, int ordinal) =>
        DateTimeOffset.ParseExact(reader.GetString(ordinal), TimeFormat, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);

    protected override string? DescribeUnavailable(Exception exception) => exception switch
    {
        SqliteException sqlite => (sqlite.SqliteErrorCode & 0xFF) switch
        {
            5 => "the database file stayed locked by another writer (SQLITE_BUSY)",
            6 => "the database table stayed locked (SQLITE_LOCKED)",
            7 => "out of memory (SQLITE_NOMEM)",
            8 => "the database file is read-only (SQLITE_READONLY)",
            10 => "a disk I/O error occurred (SQLITE_IOERR)",
            11 => "the database file is corrupt (SQLITE_CORRUPT)",
            13 => "the disk is full (SQLITE_FULL)",
            14 => "the database file cannot be opened (SQLITE_CANTOPEN)",
            26 => "the file is not a database (SQLITE_NOTADB)",
            _ => null,
        },
        IOException => "the database folder cannot be used",
        UnauthorizedAccessException => "the database folder is not accessible",
        _ => null,
    };

    public override ValueTask DisposeAsync()
    {
        // Closes pooled handles so the file can be moved, deleted or reopened by another process.
        using var connection = new SqliteConnection(_connectionString);
        SqliteConnection.ClearPool(connection);
        return ValueTask.CompletedTask;
    }
}
