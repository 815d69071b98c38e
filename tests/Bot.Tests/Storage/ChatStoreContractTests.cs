using Clinic.Bot.Storage;
using Clinic.Bot.Storage.Sql;

namespace Clinic.Bot.Tests.Storage;

/// <summary>
/// The behaviour every store must have, run against a real SQLite file and a real PostgreSQL server by the subclasses.
/// Times are passed in explicitly, so nothing here depends on the clock.
/// </summary>
public abstract partial class ChatStoreContractTests : IAsyncLifetime
{
    protected static readonly DateTimeOffset T0 = new(2025, 3, 14, 9, 30, 0, TimeSpan.Zero);
    protected static readonly string[] Sinks = ["email", "teams"];

    private readonly List<ChatStore> _stores = [];

    /// <summary>The store most tests use.</summary>
    internal ChatStore Store { get; private set; } = null!;

    /// <summary>A further store instance on the same database, as another bot process would have.</summary>
    internal async Task<ChatStore> OpenAnotherStoreAsync()
    {
        var store = await CreateStoreAsync();
        _stores.Add(store);
        return store;
    }

    /// <summary>Creates a store on this test's database (the same database on every call).</summary>
    internal abstract Task<ChatStore> CreateStoreAsync();

    /// <summary>Prepares this test's empty database.</summary>
    protected abstract Task CreateDatabaseAsync();

    public virtual async Task InitializeAsync()
    {
        await CreateDatabaseAsync();
        Store = await OpenAnotherStoreAsync();
        await Store.InitializeAsync();
    }

    public virtual async Task DisposeAsync()
    {
        foreach (var store in _stores)
        {
            await store.DisposeAsync();
        }
    }

    protected static TurnWrite Turn(string conversationId, string? etag, string state, DateTimeOffset? at = null,
        IReadOnlyList<NewEscalation>? escalations = null, string userText = "When is my next session?", string botText = "Tuesday at 10.")
    {
        var now = at ?? T0;
        return new TurnWrite(conversationId, "webchat", state, etag, now,
            [new TranscriptEntry(TranscriptRole.User, userText, now, "act-user"), new TranscriptEntry(TranscriptRole.Bot, botText, now, null)],
            escalations ?? [], Sinks);
    }

    protected static NewEscalation Escalation(string id, string kind = EscalationKinds.Crisis, int priority = 100) =>
        new(id, kind, priority, """["self-harm intent"]""", "I don't want to be here anymore", "user: I don't want to be here anymore",
            """{"phone":"+15551234567"}""");

    protected static string NewId(string prefix) => prefix + "-" + Guid.NewGuid().ToString("N")[..8];

    internal static async Task<string> SaveNewAsync(ChatStore store, string conversationId, string state = """{"step":1}""",
        DateTimeOffset? at = null, params NewEscalation[] escalations)
    {
        var result = await store.SaveTurnAsync(Turn(conversationId, null, state, at, escalations));
        return Assert.IsType<SaveResult.Saved>(result).ETag;
    }

    /// <summary>Saves one conversation per escalation and returns the escalation ids.</summary>
    internal static async Task<List<string>> RaiseEscalationsAsync(ChatStore store, int count, DateTimeOffset? at = null, string kind = EscalationKinds.Crisis)
    {
        var ids = new List<string>();
        for (var i = 0; i < count; i++)
        {
            var id = NewId("esc");
            await SaveNewAsync(store, NewId("conv"), at: at, escalations: Escalation(id, kind));
            ids.Add(id);
        }
        return ids;
    }
}
