using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using Clinic.Bot.Bot;
using Clinic.Bot.Escalation;
using Clinic.Bot.Protocol;
using Clinic.Bot.Protocol.Hosting;
using Clinic.Bot.Staff;
using Clinic.Bot.Storage;
using Clinic.Bot.Tests.Protocol;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace Clinic.Bot.Tests.Escalation;

/// <summary>
/// The escalation area as the app wires it (AddStorage, AddBotProtocol, AddEscalation, MapBotEndpoints, MapStaff) on
/// real Kestrel, with a real database. Its turn handler sends card actions to <see cref="StaffActionHandler"/> the
/// way BotActivityHandler does, so /api/messages can be driven without the FAQ dialog.
/// </summary>
internal sealed class EscalationHost : IAsyncDisposable
{
    public const string TenantId = "9c6a3f8e-1f2b-4c1d-9a55-0a1b2c3d4e5f";
    public const string StaffChannel = "19:staff0123456789@thread.tacv2";
    private readonly LocalServer _server;

    private EscalationHost(LocalServer server, TestLogs logs)
    {
        _server = server;
        Logs = logs;
        Client = new HttpClient { BaseAddress = new Uri(server.BaseUrl) };
    }

    public TestLogs Logs { get; }

    public HttpClient Client { get; }

    public string BaseUrl => _server.BaseUrl;

    public IServiceProvider Services => _server.Services;

    public IEscalationStore Escalations => Services.GetRequiredService<IEscalationStore>();

    public IConversationStore Conversations => Services.GetRequiredService<IConversationStore>();

    public IReadOnlyList<string> SinkNames => Services.GetServices<IEscalationSink>().Select(s => s.Name).ToList();

    internal EscalationDispatcher Dispatcher => Services.GetRequiredService<EscalationDispatcher>();

    /// <summary>Fast test timings; add sinks with <see cref="Sinks"/>.</summary>
    public static Dictionary<string, string?> Settings(string databasePath) => new()
    {
        ["Storage:Sqlite:Path"] = databasePath,
        ["Bot:Connector:BaseDelay"] = "00:00:00.001",
        ["Bot:Connector:MaxDelay"] = "00:00:00.010",
        ["Escalation:PollInterval"] = "00:00:00.050",
        ["Escalation:RetryBaseDelay"] = "00:00:00.020",
        ["Escalation:RetryMaxDelay"] = "00:00:00.200",
        ["Escalation:CrisisCheckInterval"] = "00:00:00.050",
        ["Escalation:StoreRetryMaxDelay"] = "00:00:00.200",
        ["Escalation:Lease"] = "00:00:30",
        ["Escalation:DeliveryTimeout"] = "00:00:10",
    };

    public static Dictionary<string, string?> Sinks(Dictionary<string, string?> settings, FakeTeams? teams, SmtpReceiver? smtp, WebhookReceiver? webhook)
    {
        if (teams is not null)
        {
            settings["Escalation:Teams:ServiceUrl"] = teams.ServiceUrl;
            settings["Escalation:Teams:ChannelId"] = StaffChannel;
            settings["Escalation:Teams:TenantId"] = TenantId;
        }
        if (smtp is not null)
        {
            settings["Escalation:Email:Host"] = "127.0.0.1";
            settings["Escalation:Email:Port"] = smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
            settings["Escalation:Email:Security"] = "None";
            settings["Escalation:Email:From"] = "Clinic bot <bot@clinic.example>";
            settings["Escalation:Email:To"] = "oncall@clinic.example, nurse.lead@clinic.example";
            settings["Escalation:Email:Timeout"] = "00:00:05";
        }
        if (webhook is not null)
        {
            settings["Escalation:Webhook:Url"] = webhook.Url;
            settings["Escalation:Webhook:Secret"] = WebhookReceiver.Secret;
            settings["Escalation:Webhook:Timeout"] = "00:00:05";
        }
        return settings;
    }

    public static async Task<EscalationHost> StartAsync(IDictionary<string, string?> settings, TimeProvider? time = null, Action<IServiceCollection>? services = null, X509Certificate2? https = null)
    {
        var logs = new TestLogs();
        var server = await LocalServer.StartAsync(
            app =>
            {
                app.MapBotEndpoints();
                app.MapStaff();
            },
            builder =>
            {
                builder.Configuration.AddInMemoryCollection(settings);
                builder.Logging.AddProvider(logs);
                builder.Logging.SetMinimumLevel(LogLevel.Debug);
                if (time is not null)
                    builder.Services.AddSingleton(time);
                builder.AddStorage();
                builder.AddBotProtocol();
                builder.AddEscalation();
                // The FAQ dialog is not part of this area: card actions go straight to the staff handler.
                builder.Services.RemoveAll<BotActivityHandler>();
                builder.Services.RemoveAll<IBotTurnHandler>();
                builder.Services.AddSingleton<IBotTurnHandler, StaffCardTurnHandler>();
                services?.Invoke(builder.Services);
            },
            https);
        return new EscalationHost(server, logs);
    }

    /// <summary>Stores an escalation the way a turn does (one transaction with the transcript), then wakes the dispatcher.</summary>
    public async Task<string> RaiseAsync(string kind = EscalationKinds.Crisis, string text = "I want to end it all tonight", string? contactJson = null, DateTimeOffset? at = null,
        IReadOnlyList<string>? sinks = null)
    {
        var id = "esc_" + Guid.NewGuid().ToString("N");
        var conversation = "conv-" + Guid.NewGuid().ToString("N")[..12];
        var now = at ?? DateTimeOffset.UtcNow;
        var priority = kind == EscalationKinds.Crisis ? 3 : kind == EscalationKinds.Contraindication ? 2 : 1;
        var escalation = new NewEscalation(id, kind, priority, JsonSerializer.Serialize(new[] { "self-harm.intent" }), text,
            $"User: what is ketamine therapy?\nBot: Ketamine therapy is...\nUser: {text}", contactJson);
        var turn = new TurnWrite(conversation, "webchat", "{}", null, now,
            [new TranscriptEntry(TranscriptRole.User, "what is ketamine therapy?", now, "a1"), new TranscriptEntry(TranscriptRole.Bot, "Ketamine therapy is...", now, null),
             new TranscriptEntry(TranscriptRole.User, text, now, "a2")],
            [escalation], sinks ?? SinkNames);
        Assert.IsType<SaveResult.Saved>(await Conversations.SaveTurnAsync(turn));
        Services.GetRequiredService<IEscalationSignal>().Notify();
        return id;
    }

    public async Task<EscalationRecord> EscalationAsync(string id) => (await Escalations.GetEscalationAsync(id))!;

    public Task AllDeliveredAsync(string id) => Eventually.TrueAsync(async () =>
        (await EscalationAsync(id)).Deliveries is { Count: > 0 } d && d.All(x => x.Status == DeliveryStatus.Delivered), $"every sink delivered {id}");

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _server.DisposeAsync();
    }

    /// <summary>The part of BotActivityHandler that staff card actions take.</summary>
    private sealed class StaffCardTurnHandler(StaffActionHandler staff) : IBotTurnHandler
    {
        public async Task<InvokeResponse?> OnTurnAsync(Activity activity, IActivitySender sender, CancellationToken cancellationToken)
        {
            if (activity.Type == ActivityTypes.Invoke)
                return await staff.OnInvokeAsync(activity, cancellationToken);
            if (activity.Type == ActivityTypes.Message && staff.IsCardSubmit(activity))
                await staff.OnSubmitAsync(activity, sender, cancellationToken);
            return null;
        }
    }
}
