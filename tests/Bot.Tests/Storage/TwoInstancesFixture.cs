using Clinic.Bot.Storage.Sql;
using Clinic.Bot.Tests.Escalation;
using Clinic.Bot.Tests.Infrastructure;
using Clinic.Bot.Tests.Protocol;
using Clinic.Bot.Tests.Teams;

namespace Clinic.Bot.Tests.Storage;

/// <summary>
/// Two real bot processes (A and B) sharing one real PostgreSQL database, as two App Service instances would, with
/// the visitors' channel (a Connector stand-in) and the staff sinks (webhook, SMTP) on loopback. Both run the
/// escalation dispatcher. Tests use their own conversation ids, so they can share the instances.
/// </summary>
public sealed class TwoInstancesFixture : IAsyncLifetime
{
    private readonly PostgresServer _server = new();
    private readonly string _folder = Directory.CreateTempSubdirectory("clinic-two-").FullName;
    private readonly List<IAsyncDisposable> _owned = [];

    internal BotProcess A { get; private set; } = null!;

    internal BotProcess B { get; private set; } = null!;

    internal FakeConnector Channel { get; private set; } = null!;

    internal WebhookReceiver Webhook { get; private set; } = null!;

    internal SmtpReceiver Smtp { get; private set; } = null!;

    internal string ConnectionString { get; private set; } = "";

    /// <summary>A store of its own on the shared database, for looking at what the instances wrote.</summary>
    internal PostgresChatStore OpenStore() => Own(new PostgresChatStore(ConnectionString));

    public async Task InitializeAsync()
    {
        await _server.InitializeAsync();
        ConnectionString = await _server.CreateDatabaseAsync();
        Channel = Own(await FakeConnector.StartAsync());
        Webhook = Own(await WebhookReceiver.StartNewAsync());
        Smtp = Own(await SmtpReceiver.StartNewAsync());
        var settings = EscalationHost.Sinks(EscalationHost.Settings(Path.Combine(_folder, "unused.db")), null, Smtp, Webhook);
        settings["Storage:Provider"] = "Postgres";
        settings["Storage:Postgres:ConnectionString"] = ConnectionString;
        settings["Storage:Retention:Enabled"] = "false";
        settings["Escalation:PollInterval"] = "00:00:00.100";
        settings["Knowledge:CorpusPath"] = Path.Combine(RepoPaths.Root, "corpus");
        settings["Knowledge:IndexPath"] = Path.Combine(_folder, "knowledge.index");
        settings["Logging:LogLevel:Default"] = "Information";
        settings["Logging:Console:FormatterName"] = "simple";
        var environment = BotProcess.EnvironmentFrom(settings);
        // One after the other: A builds the index file, B loads it, as a second instance of a deployment would.
        A = Own(await BotProcess.StartAsync(_folder, environment));
        B = Own(await BotProcess.StartAsync(_folder, environment));
    }

    public async Task DisposeAsync()
    {
        for (var i = _owned.Count - 1; i >= 0; i--)
            await _owned[i].DisposeAsync();
        await _server.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    private T Own<T>(T disposable)
        where T : IAsyncDisposable
    {
        _owned.Add(disposable);
        return disposable;
    }
}
