using System.Data.Common;
using System.Globalization;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;

namespace Clinic.Bot.Storage.Sql;

/// <summary>
/// One SQLite file in WAL mode. Writers take the lock up front (BEGIN IMMEDIATE); those of this process queue for it in
/// turn, other processes wait up to the busy timeout.
/// </summary>
internal sealed class SqliteChatStore : ChatStore
{
    // Fixed width and always UTC, so text order is time order and comparisons in SQL are exact.
    private const string TimeFormat = "yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'";

    private readonly string _connectionString;
    private readonly int _busyTimeoutMilliseconds;
    private readonly SemaphoreSlim _writer = new(1, 1);
    // Pooled handles already set up for the current journal mode (the value: whether that was WAL). The settings stay
    // with the handle, so setting them on every open cost two extra statements per read and per write.
    private readonly ConditionalWeakTable<SQLitePCL.sqlite3, StrongBox<bool>> _configured = new();
    private volatile bool _wal;

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
            if (connection.Handle is { } handle && (!_configured.TryGetValue(handle, out var setUp) || setUp.Value != _wal))
            {
                // WAL with synchronous = NORMAL: a commit does not wait for the disk. A crash of the process loses nothing
                // and the file never corrupts; only a power cut or an OS crash may lose the last commits before the next
                // checkpoint. That is SQLite's standard durability in WAL mode, and enough for conversation state, transcripts
                // and feedback. Writes that create or change an escalation are critical and commit with FULL (see
                // BeginWriteAsync), so once a visitor is told staff have been alerted, the alert survives a power cut too.
                // Outside WAL (a file system that cannot share memory), NORMAL could corrupt the file on a power cut: FULL stays.
                var wal = _wal;
                await using var pragma = connection.Command($"PRAGMA foreign_keys = ON; PRAGMA busy_timeout = {_busyTimeoutMilliseconds.ToString(CultureInfo.InvariantCulture)}"
                    + (wal ? "; PRAGMA synchronous = NORMAL" : ""));
                await pragma.ExecuteNonQueryAsync(cancellationToken);
                _configured.AddOrUpdate(handle, new StrongBox<bool>(wal));
            }
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    // SQLite lets one writer in at a time. Left to SQLite, a writer that finds the file locked sleeps in the busy
    // handler (1, 2, 5, 10 ms and longer) on a thread-pool thread; under load, writing (those sleeps and the commits'
    // syncs) was 40% of the sampled thread time. So the writers of this process queue here without a thread, and only
    // other processes meet the busy timeout. Waiting longer than that timeout fails as a locked file would.
    protected override async ValueTask<IDisposable?> EnterWriteAsync(CancellationToken cancellationToken) =>
        await _writer.WaitAsync(_busyTimeoutMilliseconds, cancellationToken)
            ? new WriterTurn(_writer)
            : throw new TimeoutException("Other writers of this process held the database longer than the busy timeout.");

    protected override async Task<DbTransaction> BeginWriteAsync(DbConnection connection, bool critical, CancellationToken cancellationToken)
    {
        if (critical)
        {
            // Set before BEGIN (SQLite refuses it inside a transaction); forgetting the handle's set-up makes the next
            // open of this pooled connection set NORMAL again.
            if (((SqliteConnection)connection).Handle is { } handle)
                _configured.Remove(handle);
            await using var full = connection.Command("PRAGMA synchronous = FULL");
            await full.ExecuteNonQueryAsync(cancellationToken);
        }
        return ((SqliteConnection)connection).BeginTransaction(deferred: false);
    }

    protected override async Task PrepareDatabaseAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        // WAL lets readers run beside the writer and survives restarts; the setting is stored in the file.
        await using var wal = connection.Command("PRAGMA journal_mode = WAL");
        _wal = await wal.ExecuteScalarAsync(cancellationToken) is string mode && mode.Equals("wal", StringComparison.OrdinalIgnoreCase);
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
        TimeoutException => "the database stayed busy with other writers",
        IOException => "the database folder cannot be used",
        UnauthorizedAccessException => "the database folder is not accessible",
        _ => null,
    };

    private sealed class WriterTurn(SemaphoreSlim writer) : IDisposable
    {
        public void Dispose() => writer.Release();
    }

    public override ValueTask DisposeAsync()
    {
        // Closes pooled handles so the file can be moved, deleted or reopened by another process.
        using var connection = new SqliteConnection(_connectionString);
        SqliteConnection.ClearPool(connection);
        return ValueTask.CompletedTask;
    }
}
