using Clinic.Bot.Tests.Infrastructure;

namespace Clinic.Bot.Tests.Escalation;

/// <summary>Two instances of the service share one database: every alert still arrives once per sink.</summary>
public sealed class ConcurrentDispatcherTests : EscalationTestBase
{
    private const int Alerts = 20;

    [Fact]
    public async Task TwoInstancesOnOneSqliteFileDeliverEachAlertOnce()
    {
        var (teams, smtp, webhook) = await StartReceiversAsync();
        var settings = EscalationHost.Sinks(EscalationHost.Settings(DatabasePath), teams, smtp, webhook);
        var first = await StartHostAsync(settings);
        var second = await StartHostAsync(settings);

        await DeliverOnceEachAsync(first, second, teams, smtp, webhook);
    }

    internal static async Task DeliverOnceEachAsync(EscalationHost first, EscalationHost second, FakeTeams teams, SmtpReceiver smtp, WebhookReceiver webhook)
    {
        var ids = new List<string>();
        for (var i = 0; i < Alerts; i++)
        {
            // Raised through both instances, so both dispatchers are woken and race for the same rows.
            ids.Add(await (i % 2 == 0 ? first : second).RaiseAsync());
        }

        foreach (var id in ids)
            await first.AllDeliveredAsync(id);

        Assert.Equal(Alerts, smtp.Messages.Count);
        Assert.Equal(ids.Order(), smtp.Messages.Select(m => m.MessageId!.Split('@')[0]).Order());
        Assert.Equal(Alerts, webhook.Requests.Count);
        Assert.Equal(ids.Order(), webhook.Alerts.Keys.Order());
        Assert.All(ids, id => Assert.Single(teams.Posts(id)));
        Assert.All(ids, id => Assert.All(first.EscalationAsync(id).Result.Deliveries, d => Assert.Equal(1, d.Attempts)));

        // Both instances did some of the work.
        Assert.Contains("delivered to", first.Logs.All);
        Assert.Contains("delivered to", second.Logs.All);
    }
}

[Collection(Storage.PostgresCollection.Name)]
public sealed class PostgresDispatcherTests(PostgresServer server) : EscalationTestBase
{
    [Fact]
    public async Task TwoInstancesOnOnePostgresDatabaseDeliverEachAlertOnce()
    {
        var (teams, smtp, webhook) = await StartReceiversAsync();
        var settings = EscalationHost.Sinks(EscalationHost.Settings(DatabasePath), teams, smtp, webhook);
        settings["Storage:Provider"] = "Postgres";
        settings["Storage:Postgres:ConnectionString"] = await server.CreateDatabaseAsync();
        var first = await StartHostAsync(settings);
        var second = await StartHostAsync(settings);

        await ConcurrentDispatcherTests.DeliverOnceEachAsync(first, second, teams, smtp, webhook);
    }
}
