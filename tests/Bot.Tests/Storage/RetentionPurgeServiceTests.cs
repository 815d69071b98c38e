using Clinic.Bot.Storage;
using Clinic.Bot.Storage.Hosting;
using Clinic.Bot.Storage.Sql;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Clinic.Bot.Tests.Storage;

public sealed class RetentionPurgeServiceTests : IAsyncLifetime
{
    private static readonly DateTimeOffset T0 = new(2025, 3, 14, 9, 30, 0, TimeSpan.Zero);

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "clinic-retention-" + Guid.NewGuid().ToString("N")[..12]);
    private SqliteChatStore _store = null!;

    public Task InitializeAsync()
    {
        _store = new SqliteChatStore(Path.Combine(_folder, "clinic-bot.db"));
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _store.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task PurgeDeletesConversationsOlderThanTheKeepDays()
    {
        await SaveAsync(_store, "conv-old", T0);
        await SaveAsync(_store, "conv-recent", T0.AddDays(35));
        var service = Service(_store, new RetentionOptions { KeepDays = 30 }, now: T0.AddDays(40));

        var result = await service.PurgeOnceAsync(CancellationToken.None);

        Assert.Equal(new PurgeResult(1, 1, 0, 0), result);
        Assert.Null(await _store.GetAsync("conv-old"));
        Assert.NotNull(await _store.GetAsync("conv-recent"));
    }

    [Fact]
    public async Task UnavailableStoreSkipsThePurgeWithoutThrowing()
    {
        var folderInPlaceOfFile = Directory.CreateDirectory(Path.Combine(_folder, "broken.db")).FullName;
        await using var broken = new SqliteChatStore(folderInPlaceOfFile);
        var service = Service(broken, new RetentionOptions(), now: T0);

        Assert.Null(await service.PurgeOnceAsync(CancellationToken.None));
    }

    [Fact]
    public async Task DisabledRetentionNeverPurges()
    {
        await SaveAsync(_store, "conv-old", T0);
        var service = Service(_store, new RetentionOptions { Enabled = false, KeepDays = 1 }, now: T0.AddDays(400));

        await service.StartAsync(CancellationToken.None);
        await service.ExecuteTask!;

        Assert.NotNull(await _store.GetAsync("conv-old"));
    }

    private static RetentionPurgeService Service(ChatStore store, RetentionOptions retention, DateTimeOffset now) =>
        new(store, Options.Create(new StorageOptions { Retention = retention }), new FixedClock(now), NullLogger<RetentionPurgeService>.Instance);

    private static Task<SaveResult> SaveAsync(ChatStore store, string conversationId, DateTimeOffset at) =>
        store.SaveTurnAsync(new TurnWrite(conversationId, "webchat", "{}", null, at, [new TranscriptEntry(TranscriptRole.User, "hi", at, null)], [], []));

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
