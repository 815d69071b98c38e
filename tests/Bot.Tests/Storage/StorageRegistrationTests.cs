using Clinic.Bot.Storage;
using Clinic.Bot.Storage.Sql;
using Clinic.Bot.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Clinic.Bot.Tests.Storage;

[Collection(PostgresCollection.Name)]
public sealed class StorageRegistrationTests(PostgresServer server) : IDisposable
{
    private readonly string _contentRoot = Path.Combine(Path.GetTempPath(), "clinic-host-" + Guid.NewGuid().ToString("N")[..12]);

    public void Dispose()
    {
        if (Directory.Exists(_contentRoot))
        {
            Directory.Delete(_contentRoot, recursive: true);
        }
    }

    [Fact]
    public async Task DefaultSettingsStoreASqliteFileUnderTheContentRootAndReportReady()
    {
        using var host = BuildHost([]);

        await host.StartAsync();

        Assert.True(File.Exists(Path.Combine(_contentRoot, "data", "clinic-bot.db")));
        Assert.Same(host.Services.GetRequiredService<IConversationStore>(), host.Services.GetRequiredService<IEscalationStore>());
        Assert.IsType<SqliteChatStore>(host.Services.GetRequiredService<IConversationStore>());
        var report = await host.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync(c => c.Tags.Contains("ready"));
        Assert.Equal(HealthStatus.Healthy, report.Entries["storage"].Status);
        await host.StopAsync();
    }

    [Fact]
    public async Task PostgresProviderUsesTheConfiguredServer()
    {
        using var host = BuildHost(new()
        {
            ["Storage:Provider"] = "Postgres",
            ["Storage:Postgres:ConnectionString"] = await server.CreateDatabaseAsync(),
        });

        await host.StartAsync();

        var store = host.Services.GetRequiredService<IConversationStore>();
        Assert.IsType<PostgresChatStore>(store);
        Assert.True((await store.CheckHealthAsync()).IsHealthy);
        await host.StopAsync();
    }

    [Fact]
    public async Task PostgresWithoutAConnectionStringFailsAtStartWithTheFix()
    {
        using var host = BuildHost(new() { ["Storage:Provider"] = "Postgres" });

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("Storage:Postgres:ConnectionString is missing", error.Message);
        Assert.Contains("Storage__Postgres__ConnectionString", error.Message);
    }

    [Fact]
    public async Task UnparsableConnectionStringFailsAtStartWithoutEchoingThePassword()
    {
        using var host = BuildHost(new()
        {
            ["Storage:Provider"] = "Postgres",
            ["Storage:Postgres:ConnectionString"] = "Host=db;Password=hunter2;Colour=blue",
        });

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("Storage:Postgres:ConnectionString cannot be parsed", error.Message);
        Assert.DoesNotContain("hunter2", error.Message);
    }

    [Fact]
    public async Task UnreachablePostgresStillStartsButIsNotReady()
    {
        using var host = BuildHost(new()
        {
            ["Storage:Provider"] = "Postgres",
            ["Storage:Postgres:ConnectionString"] = "Host=127.0.0.1;Port=1;Username=postgres;Database=postgres;Timeout=3",
        });

        await host.StartAsync();

        var report = await host.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync();
        Assert.Equal(HealthStatus.Unhealthy, report.Entries["storage"].Status);
        Assert.Contains("cannot be reached", report.Entries["storage"].Description);
        await host.StopAsync();
    }

    [Theory]
    [InlineData("Storage:Sqlite:Path", "")]
    [InlineData("Storage:Retention:KeepDays", "0")]
    [InlineData("Storage:Retention:IntervalHours", "0")]
    public async Task InvalidSettingFailsAtStartNamingIt(string key, string value)
    {
        using var host = BuildHost(new() { [key] = value });

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains(key, error.Message);
    }

    [Fact]
    public async Task UnknownProviderFailsAtStart()
    {
        using var host = BuildHost(new() { ["Storage:Provider"] = "MySql" });

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => host.StartAsync());

        Assert.Contains("Storage:Provider", error.Message + error.InnerException?.Message);
    }

    private IHost BuildHost(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            ContentRootPath = Directory.CreateDirectory(_contentRoot).FullName,
            EnvironmentName = Environments.Development,
        });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.Configure<StorageOptions>(o => o.Retention.Enabled = false);
        builder.AddStorage();
        return builder.Build();
    }
}
