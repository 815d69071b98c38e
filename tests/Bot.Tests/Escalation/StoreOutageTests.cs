using Clinic.Bot.Storage;
using Clinic.Bot.Tests.Infrastructure;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Clinic.Bot.Tests.Escalation;

/// <summary>Stops and starts its own PostgreSQL server, so it cannot disturb the shared one.</summary>
public sealed class StoreOutageTests(PostgresServer server) : EscalationTestBase, IClassFixture<PostgresServer>
{
    [Fact]
    public async Task DatabaseOutageIsLoggedAndWaitedOutAndTheAlertStillGoesOutOnce()
    {
        var webhook = Own(await WebhookReceiver.StartNewAsync());
        var settings = EscalationHost.Sinks(EscalationHost.Settings(DatabasePath), null, null, webhook);
        settings["Storage:Provider"] = "Postgres";
        settings["Storage:Postgres:ConnectionString"] = await server.CreateDatabaseAsync();
        var host = await StartHostAsync(settings);
        var id = await host.RaiseAsync();
        await host.AllDeliveredAsync(id);

        await server.StopAsync();
        try
        {
            var failures = host.Logs.Entries.Count(e => e.Message.StartsWith("Escalation outbox unreachable", StringComparison.Ordinal));
            await Eventually.TrueAsync(() => host.Logs.Entries.Count(e => e.Message.StartsWith("Escalation outbox unreachable", StringComparison.Ordinal)) >= failures + 3,
                "the dispatcher logged the outage a few times");
        }
        finally
        {
            await server.StartAsync();
        }

        var lifetime = host.Services.GetRequiredService<IHostApplicationLifetime>();
        Assert.False(lifetime.ApplicationStopping.IsCancellationRequested);
        var second = await host.RaiseAsync(EscalationKinds.Contraindication, "I am pregnant");
        await host.AllDeliveredAsync(second);

        Assert.Equal(new[] { id, second }.Order(), webhook.Alerts.Keys.Order());
        Assert.Equal(2, webhook.Requests.Count);
        var outage = host.Logs.Entries.First(e => e.Message.StartsWith("Escalation outbox unreachable", StringComparison.Ordinal));
        Assert.Equal(LogLevel.Error, outage.Level);
        Assert.Contains("PostgreSQL", outage.Message);
    }
}
