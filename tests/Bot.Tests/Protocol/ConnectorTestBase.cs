using Clinic.Bot.Protocol;
using Clinic.Bot.Protocol.Connector;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Clinic.Bot.Tests.Protocol;

/// <summary>A local fake connector on Kestrel and a container wired by AddBotProtocol. Delays are recorded, never slept.</summary>
public abstract class ConnectorTestBase : IAsyncLifetime
{
    protected const string TeamsThread = "19:abc@thread.tacv2;messageid=1712345678901";
    private protected readonly ManualTimeProvider _time = new(new DateTimeOffset(2025, 5, 1, 10, 0, 0, TimeSpan.Zero));
    private protected readonly CountingTokenProvider _tokens = new();
    private protected readonly TestLogs _logs = new();
    private protected FakeConnector _connector = null!;
    private protected ServiceProvider _services = null!;

    public async Task InitializeAsync()
    {
        _connector = await FakeConnector.StartAsync();
        _services = Build();
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _connector.DisposeAsync();
    }

    private protected ConnectorClient Client => _services.GetRequiredService<ConnectorClient>();

    private protected static Activity Reply(string text = "Fasting for 4 hours is recommended.") => new() { Type = "message", Text = text };

    private protected ServiceProvider Build(Action<IServiceCollection>? configure = null, IBotTokenProvider? tokens = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Bot:Connector:MaxAttempts"] = "4",
            ["Bot:Connector:BaseDelay"] = "00:00:00.100",
            ["Bot:Connector:MaxDelay"] = "00:00:01",
            ["Bot:Connector:MaxRetryAfter"] = "00:01:00",
        }).Build();
        var services = new ServiceCollection()
            .AddLogging(logging => logging.AddProvider(_logs).SetMinimumLevel(LogLevel.Debug))
            .AddSingleton<IConfiguration>(configuration)
            .AddBotProtocol();
        services.AddSingleton<TimeProvider>(_time);
        services.AddSingleton(tokens ?? _tokens);
        configure?.Invoke(services);
        return services.BuildServiceProvider();
    }
}
