using Clinic.Bot.Storage;
using Clinic.Bot.Storage.Sql;
using Clinic.Bot.Tests.Infrastructure;
using Npgsql;

namespace Clinic.Bot.Tests.Storage;

/// <summary>Stops and starts its own PostgreSQL server, so it cannot disturb the shared one.</summary>
public sealed class PostgresOutageTests(PostgresServer server) : IClassFixture<PostgresServer>, IAsyncLifetime
{
    private static readonly DateTimeOffset T0 = new(2025, 3, 14, 9, 30, 0, TimeSpan.Zero);

    public Task InitializeAsync() => server.IsRunning ? Task.CompletedTask : server.StartAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task StoppedServerMakesTheStoreUnavailableAndARestartBringsItBack()
    {
        await using var store = new PostgresChatStore(await server.CreateDatabaseAsync());
        var saved = Assert.IsType<SaveResult.Saved>(await store.SaveTurnAsync(Turn("conv-secret-id", null, """{"name":"Zoë"}""")));

        await server.StopAsync();
        var write = await Assert.ThrowsAsync<StoreUnavailableException>(() => store.SaveTurnAsync(Turn("conv-secret-id", saved.ETag, """{"name":"Zoë"}""")));
        var read = await Assert.ThrowsAsync<StoreUnavailableException>(() => store.GetAsync("conv-secret-id"));
        var claim = await Assert.ThrowsAsync<StoreUnavailableException>(() => store.ClaimDueDeliveriesAsync("worker-a", 5, TimeSpan.FromMinutes(1), T0));
        var health = await store.CheckHealthAsync();
        await server.StartAsync();

        Assert.All(new Exception[] { write, read, claim }, e =>
        {
            Assert.Contains("PostgreSQL", e.Message);
            Assert.DoesNotContain("conv-secret-id", e.Message);
            Assert.DoesNotContain("Zoë", e.Message);
            Assert.IsAssignableFrom<NpgsqlException>(e.InnerException);
        });
        Assert.False(health.IsHealthy);
        Assert.IsType<SaveResult.Saved>(await store.SaveTurnAsync(Turn("conv-secret-id", saved.ETag, """{"step":2}""")));
        Assert.Equal("""{"step":2}""", (await store.GetAsync("conv-secret-id"))!.StateJson);
        Assert.True((await store.CheckHealthAsync()).IsHealthy);
    }

    [Fact]
    public async Task ServerDownAtFirstUseIsUnavailableAndTheSchemaIsCreatedOnceItIsUp()
    {
        var connectionString = await server.CreateDatabaseAsync();
        await server.StopAsync();
        await using var store = new PostgresChatStore(connectionString);

        await Assert.ThrowsAsync<StoreUnavailableException>(() => store.InitializeAsync());
        await server.StartAsync();

        Assert.IsType<SaveResult.Saved>(await store.SaveTurnAsync(Turn("conv-1", null, "{}")));
    }

    [Fact]
    public async Task NothingListeningOnThePortIsUnavailable()
    {
        await using var store = new PostgresChatStore("Host=127.0.0.1;Port=1;Username=postgres;Database=postgres;Timeout=3");

        var error = await Assert.ThrowsAsync<StoreUnavailableException>(() => store.InitializeAsync());

        Assert.Contains("cannot be reached", error.Message);
    }

    [Fact]
    public async Task MissingDatabaseIsUnavailableWithTheReason()
    {
        await using var store = new PostgresChatStore(server.ConnectionString("no_such_database"));

        var error = await Assert.ThrowsAsync<StoreUnavailableException>(() => store.GetAsync("conv-1"));

        Assert.Contains("3D000", error.Message);
    }

    private static TurnWrite Turn(string conversationId, string? etag, string state) =>
        new(conversationId, "webchat", state, etag, T0, [new TranscriptEntry(TranscriptRole.User, "hello", T0, null)],
            [new NewEscalation("esc-" + Guid.NewGuid().ToString("N"), EscalationKinds.StaffRequest, 10, "[]", "hello", "hello", null)], ["email"]);
}
