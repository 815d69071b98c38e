using Clinic.Bot.Storage;
using Clinic.Bot.Storage.Sql;
using Microsoft.Data.Sqlite;

namespace Clinic.Bot.Tests.Storage;

public sealed class SqliteChatStoreTests : ChatStoreContractTests
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "clinic-sqlite-" + Guid.NewGuid().ToString("N")[..12]);

    private string DatabasePath => Path.Combine(_folder, "nested", "clinic-bot.db");

    protected override Task CreateDatabaseAsync() => Task.CompletedTask;

    internal override Task<ChatStore> CreateStoreAsync() => Task.FromResult<ChatStore>(new SqliteChatStore(DatabasePath));

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public void MissingFolderOfTheDatabaseFileIsCreated()
    {
        Assert.True(File.Exists(DatabasePath));
    }

    [Fact]
    public async Task DatabaseFileUsesWriteAheadLogging()
    {
        await using var connection = new SqliteConnection($"Data Source={DatabasePath};Pooling=False");
        await connection.OpenAsync();
        await using var command = new SqliteCommand("PRAGMA journal_mode", connection);

        Assert.Equal("wal", await command.ExecuteScalarAsync());
    }

    [Fact]
    public async Task ReopeningTheFileAfterARestartKeepsEverything()
    {
        var etag = await SaveNewAsync(Store, "conv-1", """{"step":4}""", escalations: Escalation("esc-1"));
        await Store.SetEscalationStatusAsync("esc-1", EscalationStatus.Acknowledged, "nurse.kim", T0.AddMinutes(1));
        await Store.MarkDeliveredAsync("esc-1", "email", "msg-1", T0.AddMinutes(1));
        await Store.RecordFeedbackAsync("conv-1", "answer-1", FeedbackRating.Up, "thanks", T0);
        await Store.DisposeAsync();

        await using var reopened = new SqliteChatStore(DatabasePath);

        Assert.Equal(etag, (await reopened.GetAsync("conv-1"))!.ETag);
        Assert.Equal(2, (await reopened.GetTranscriptAsync("conv-1", 10)).Count);
        var escalation = await reopened.GetEscalationAsync("esc-1");
        Assert.Equal((EscalationStatus.Acknowledged, "nurse.kim"), (escalation!.Status, escalation.AcknowledgedBy));
        Assert.Equal([DeliveryStatus.Delivered, DeliveryStatus.Pending], escalation.Deliveries.Select(d => d.Status));
        Assert.Equal(2, (await reopened.GetAuditAsync("esc-1")).Count);
        Assert.Equal("thanks", Assert.Single(await reopened.GetFeedbackAsync("conv-1")).Comment);
        Assert.IsType<Clinic.Bot.Storage.SaveResult.Saved>(await reopened.SaveTurnAsync(Turn("conv-1", etag, "{}")));
    }

    [Fact]
    public async Task FileThatIsNotADatabaseMakesTheStoreUnavailable()
    {
        var path = Path.Combine(_folder, "not-a-db.db");
        await File.WriteAllTextAsync(path, new string('x', 8192));
        await using var store = new SqliteChatStore(path);

        var error = await Assert.ThrowsAsync<StoreUnavailableException>(() => store.GetAsync("conv-1"));
        var health = await store.CheckHealthAsync();

        Assert.Contains("SQLITE_NOTADB", error.Message);
        Assert.IsType<SqliteException>(error.InnerException);
        Assert.False(health.IsHealthy);
    }

    [Fact]
    public async Task FolderInPlaceOfTheFileMakesTheStoreUnavailable()
    {
        var path = Path.Combine(_folder, "a-folder.db");
        Directory.CreateDirectory(path);
        await using var store = new SqliteChatStore(path);

        var error = await Assert.ThrowsAsync<StoreUnavailableException>(() => store.SaveTurnAsync(Turn("conv-1", null, "{}")));

        Assert.Contains("SQLITE_CANTOPEN", error.Message);
    }
}
