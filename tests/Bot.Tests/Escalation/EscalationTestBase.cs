using Clinic.Bot.Tests.Protocol;

namespace Clinic.Bot.Tests.Escalation;

/// <summary>A temp folder for the database, the three receivers, and cleanup.</summary>
public abstract class EscalationTestBase : IAsyncLifetime
{
    // What a visitor wrote: none of it may reach a log line.
    protected const string VisitorText = "I want to end it all tonight, my number is in the chat";
    protected const string VisitorPhone = "+1 206 555 0142";
    protected const string VisitorEmail = "zoe.visitor@example.org";
    protected static readonly string ContactJson = $$"""{"phone":"{{VisitorPhone}}","email":"{{VisitorEmail}}"}""";

    private readonly List<IAsyncDisposable> _owned = [];
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "clinic-esc-" + Guid.NewGuid().ToString("N")[..12]);

    private protected string DatabasePath => Path.Combine(_folder, "clinic-bot.db");

    public virtual Task InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        return Task.CompletedTask;
    }

    public virtual async Task DisposeAsync()
    {
        for (var i = _owned.Count - 1; i >= 0; i--)
            await _owned[i].DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    private protected T Own<T>(T disposable)
        where T : IAsyncDisposable
    {
        _owned.Add(disposable);
        return disposable;
    }

    private protected async Task<(FakeTeams Teams, SmtpReceiver Smtp, WebhookReceiver Webhook)> StartReceiversAsync(int deferSmtp = 0) =>
        (Own(await FakeTeams.StartAsync()), Own(await SmtpReceiver.StartNewAsync(deferSmtp)), Own(await WebhookReceiver.StartNewAsync()));

    private protected async Task<EscalationHost> StartHostAsync(Dictionary<string, string?> settings, TimeProvider? time = null) =>
        Own(await EscalationHost.StartAsync(settings, time));

    /// <summary>The environment of the real service (<see cref="BotProcess"/>) on this test's database, with the given sinks.</summary>
    private protected Dictionary<string, string> ServiceEnvironment(FakeTeams? teams, SmtpReceiver? smtp, WebhookReceiver? webhook)
    {
        var env = BotProcess.EnvironmentFrom(EscalationHost.Sinks(EscalationHost.Settings(DatabasePath), teams, smtp, webhook));
        env["Escalation__PollInterval"] = "00:00:00.100";
        env["Knowledge__CorpusPath"] = Path.Combine(Teams.RepoPaths.Root, "corpus");
        env["Knowledge__IndexPath"] = Path.Combine(_folder, "knowledge.index");
        env["Logging__LogLevel__Default"] = "Information";
        env["Logging__Console__FormatterName"] = "simple";
        return env;
    }

    private protected static List<RecordedRequest> TeamsPosts(FakeTeams connector, string escalationId) => connector.Posts(escalationId);

    private protected static void AssertNoPersonalData(TestLogs logs)
    {
        var all = logs.All;
        Assert.DoesNotContain("end it all", all, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(VisitorPhone, all, StringComparison.Ordinal);
        Assert.DoesNotContain("2065550142", all, StringComparison.Ordinal);
        Assert.DoesNotContain(VisitorEmail, all, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("oncall@clinic.example", all, StringComparison.OrdinalIgnoreCase);
    }
}
