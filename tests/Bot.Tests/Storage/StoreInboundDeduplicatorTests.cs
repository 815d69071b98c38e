using Clinic.Bot.Protocol;
using Clinic.Bot.Storage;
using Clinic.Bot.Storage.Hosting;
using Clinic.Bot.Storage.Sql;
using Clinic.Bot.Tests.Protocol;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Clinic.Bot.Tests.Storage;

public sealed class StoreInboundDeduplicatorTests : IAsyncLifetime
{
    private readonly string _folder = Directory.CreateTempSubdirectory("clinic-dedup-").FullName;
    private readonly ManualTimeProvider _time = new(new DateTimeOffset(2025, 5, 1, 10, 0, 0, TimeSpan.Zero));
    private readonly TestLogs _logs = new();
    private readonly List<ChatStore> _stores = [];

    [Fact]
    public async Task ARedeliveryToAnotherInstanceIsARepeat()
    {
        var first = Deduplicator(Sqlite());
        var second = Deduplicator(Sqlite());

        Assert.True(await first.TryClaimAsync("k", CancellationToken.None));

        Assert.False(await second.TryClaimAsync("k", CancellationToken.None));
        Assert.False(await first.TryClaimAsync("k", CancellationToken.None));
    }

    [Fact]
    public async Task AResendWhileTheTurnStillRunsIsARepeatBecauseTheInstanceRenewsItsClaim()
    {
        var slow = Deduplicator(Sqlite());
        var other = Deduplicator(Sqlite());
        await slow.TryClaimAsync("k", CancellationToken.None);

        for (var i = 0; i < 5; i++)
        {
            _time.Advance(TimeSpan.FromSeconds(5));
            await slow.RenewAsync(CancellationToken.None);
        }

        Assert.False(await other.TryClaimAsync("k", CancellationToken.None));
    }

    [Fact]
    public async Task AFailedTurnReleasedOnOneInstanceCanBeRetriedOnAnother()
    {
        var first = Deduplicator(Sqlite());
        var second = Deduplicator(Sqlite());
        await first.TryClaimAsync("k", CancellationToken.None);

        await first.ReleaseAsync("k", CancellationToken.None);

        Assert.True(await second.TryClaimAsync("k", CancellationToken.None));
    }

    [Fact]
    public async Task AFinishedTurnIsRememberedForTheWholeWindow()
    {
        var first = Deduplicator(Sqlite());
        var second = Deduplicator(Sqlite());
        await first.TryClaimAsync("k", CancellationToken.None);
        await first.CompleteAsync("k", CancellationToken.None);

        _time.Advance(TimeSpan.FromMinutes(9));
        Assert.False(await second.TryClaimAsync("k", CancellationToken.None));
        _time.Advance(TimeSpan.FromMinutes(1));
        Assert.True(await second.TryClaimAsync("k", CancellationToken.None));
    }

    [Fact]
    public async Task ATurnThatNeverFinishedIsProcessedAgainOnceItsLeaseLapses()
    {
        var crashed = Deduplicator(Sqlite());
        var survivor = Deduplicator(Sqlite());
        await crashed.TryClaimAsync("k", CancellationToken.None);

        _time.Advance(TimeSpan.FromSeconds(9));
        Assert.False(await survivor.TryClaimAsync("k", CancellationToken.None));
        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.True(await survivor.TryClaimAsync("k", CancellationToken.None));
        Assert.False(await crashed.TryClaimAsync("k", CancellationToken.None));
    }

    [Fact]
    public async Task AnUnreachableStoreFallsBackToThisInstancesMemoryAndSaysSo()
    {
        var deduplicator = Deduplicator(new PostgresChatStore("Host=127.0.0.1;Port=1;Username=postgres;Database=postgres;Timeout=3"));

        Assert.True(await deduplicator.TryClaimAsync("k", CancellationToken.None));
        Assert.False(await deduplicator.TryClaimAsync("k", CancellationToken.None));
        await deduplicator.ReleaseAsync("k", CancellationToken.None);
        Assert.True(await deduplicator.TryClaimAsync("k", CancellationToken.None));

        Assert.Contains(_logs.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("fell back to this instance's memory", StringComparison.Ordinal));
    }

    private ChatStore Sqlite()
    {
        var store = new SqliteChatStore(Path.Combine(_folder, "bot.db"));
        _stores.Add(store);
        return store;
    }

    private StoreInboundDeduplicator Deduplicator(ChatStore store)
    {
        if (!_stores.Contains(store))
            _stores.Add(store);
        var options = Options.Create(new BotOptions { DeduplicationWindow = TimeSpan.FromMinutes(10) });
        var storage = Options.Create(new StorageOptions { InboundClaimLease = TimeSpan.FromSeconds(10) });
        return new StoreInboundDeduplicator(store, options, storage, _time, new LoggerFactory([_logs]).CreateLogger<StoreInboundDeduplicator>());
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var store in _stores)
            await store.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }
}
