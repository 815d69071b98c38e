using System.Net.Http.Headers;
using System.Text;
using Clinic.Bot.Protocol;
using Clinic.Bot.Protocol.Connector;
using Clinic.Bot.Protocol.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Clinic.Bot.Tests.Protocol;

/// <summary>A minimal app wired exactly as the lead's Program.cs will be: AddBotProtocol + MapBotEndpoints, on real Kestrel.</summary>
internal sealed class BotTestHost : IAsyncDisposable
{
    public const string AppId = "5f0b3a5e-8d1c-4c34-9b54-2a1f4f6a9c11";

    private readonly LocalServer _server;

    private BotTestHost(LocalServer server, RecordingTurnHandler handler, TestLogs logs)
    {
        _server = server;
        Handler = handler;
        Logs = logs;
        Client = new HttpClient { BaseAddress = new Uri(server.BaseUrl) };
    }

    public RecordingTurnHandler Handler { get; }

    public TestLogs Logs { get; }

    public HttpClient Client { get; }

    public IServiceProvider Services => _server.Services;

    /// <summary>Starts the bot. Without <paramref name="openId"/> no app id is configured (local development mode).</summary>
    public static async Task<BotTestHost> StartAsync(FakeOpenIdServer? openId = null, IDictionary<string, string?>? extraSettings = null, bool realTokenProvider = false)
    {
        var handler = new RecordingTurnHandler();
        var logs = new TestLogs();
        var settings = new Dictionary<string, string?>
        {
            ["Bot:Connector:BaseDelay"] = "00:00:00.001",
            ["Bot:Connector:MaxDelay"] = "00:00:00.010",
        };
        if (openId is not null)
        {
            settings["Bot:MicrosoftAppId"] = AppId;
            settings["Bot:MicrosoftAppPassword"] = "not-used-tokens-come-from-a-test-double";
            settings["Bot:OpenIdMetadataUrl"] = openId.ChannelMetadataUrl;
            settings["Bot:EmulatorOpenIdMetadataUrl"] = openId.EntraMetadataUrl;
        }

        foreach (var (key, value) in extraSettings ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        var server = await LocalServer.StartAsync(
            app => app.MapBotEndpoints(),
            builder =>
            {
                builder.Configuration.AddInMemoryCollection(settings);
                builder.Logging.AddProvider(logs);
                builder.Logging.SetMinimumLevel(LogLevel.Debug);
                builder.AddBotProtocol();
                builder.Services.AddSingleton<IBotTurnHandler>(handler);
                if (!realTokenProvider)
                {
                    builder.Services.AddSingleton<IBotTokenProvider, CountingTokenProvider>();
                }
            });
        return new BotTestHost(server, handler, logs);
    }

    public Task<HttpResponseMessage> PostAsync(string json, string? bearerToken = null, string contentType = "application/json")
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages")
        {
            Content = new StringContent(json, Encoding.UTF8),
        };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        if (bearerToken is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearerToken);
        }

        return Client.SendAsync(request);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _server.DisposeAsync();
    }
}
