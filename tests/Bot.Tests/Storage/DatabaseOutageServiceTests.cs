using System.Collections.Concurrent;
using System.Net;
using Clinic.Bot.Storage;
using Clinic.Bot.Storage.Sql;
using Clinic.Bot.Tests.Escalation;
using Clinic.Bot.Tests.Infrastructure;
using Clinic.Bot.Tests.Protocol;

namespace Clinic.Bot.Tests.Storage;

/// <summary>
/// The real service on PostgreSQL while the database is stopped under load and started again. Stops and starts its
/// own server, so it cannot disturb the shared one.
/// </summary>
public sealed class DatabaseOutageServiceTests(PostgresServer server) : EscalationTestBase, IClassFixture<PostgresServer>
{
    [Fact]
    public async Task AStoppedDatabaseGivesQuick503sLosesNoAlertAndTheServiceRecoversByItself()
    {
        var connectionString = await server.CreateDatabaseAsync();
        var channel = Own(await FakeConnector.StartAsync());
        var webhook = Own(WebhookReceiver.NotStarted());
        var environment = ServiceEnvironment(null, null, webhook);
        environment["Storage__Provider"] = "Postgres";
        environment["Storage__Postgres__ConnectionString"] = connectionString;
        environment["Escalation__MaxAttempts"] = "1000";
        var bot = Own(await BotProcess.StartAsync(Path.GetDirectoryName(DatabasePath)!, environment));
        using var http = new HttpClient();
        var results = new ConcurrentQueue<(string Conversation, HttpStatusCode Status, string? RetryAfter)>();

        // An alert recorded before the outage: the webhook is down, so it is still waiting when the database stops.
        Assert.Equal(HttpStatusCode.OK, (await PostAsync("conv-before", "I want to talk to a person")).StatusCode);

        using var stop = new CancellationTokenSource();
        var load = Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                var conversation = "conv-" + Guid.NewGuid().ToString("N")[..12];
                using var response = await PostAsync(conversation, "I want to talk to a person");
                results.Enqueue((conversation, response.StatusCode, response.Headers.RetryAfter?.ToString()));
            }
        })));
        await Eventually.TrueAsync(() => results.Count(r => r.Status == HttpStatusCode.OK) >= 10, "turns were served");
        await server.StopAsync();
        try
        {
            await Eventually.TrueAsync(() => results.Count(r => r.Status == HttpStatusCode.ServiceUnavailable) >= 10, "turns were refused with 503");
            using var crisis = await PostAsync("conv-crisis-in-outage", "I want to kill myself tonight");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, crisis.StatusCode);
            Assert.Contains(ConnectorMessages.Replies(channel, "conv-crisis-in-outage"), text => text.Contains("988", StringComparison.Ordinal));
            using var ready = await http.GetAsync(bot.BaseUrl + "/readyz");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        }
        finally
        {
            await server.StartAsync();
        }
        var refused = results.Count;
        await Eventually.TrueAsync(() => results.Skip(refused).Count(r => r.Status == HttpStatusCode.OK) >= 10, "turns were served again");
        await stop.CancelAsync();
        await load;

        Assert.All(results, r => Assert.Contains(r.Status, new[] { HttpStatusCode.OK, HttpStatusCode.ServiceUnavailable }));
        Assert.All(results.Where(r => r.Status == HttpStatusCode.ServiceUnavailable), r => Assert.NotNull(r.RetryAfter));
        Assert.Contains("refused with 503: The conversation store is unavailable (PostgreSQL", bot.Output);

        // Every conversation is all or nothing: state and its one alert together, and every answered turn has both.
        await using var store = new PostgresChatStore(connectionString);
        var escalations = (await store.ListEscalationsAsync(null, 100_000)).ToLookup(e => e.ConversationId);
        foreach (var (conversation, status, _) in results)
        {
            var stored = await store.GetAsync(conversation) is not null;
            Assert.Equal(stored, escalations[conversation].Count() == 1);
            Assert.True(escalations[conversation].Count() <= 1);
            if (status == HttpStatusCode.OK)
                Assert.True(stored, $"{conversation} was answered but not stored");
        }

        // The webhook comes back: every stored alert, the one from before the outage included, arrives exactly once.
        await webhook.StartAsync();
        var ids = escalations.SelectMany(g => g).Select(e => e.Id).ToList();
        Assert.Single(escalations["conv-before"]);
        await Eventually.TrueAsync(() => ids.All(webhook.Alerts.ContainsKey), "every alert reached the webhook", seconds: 120);
        Assert.All(ids, id => Assert.Single(webhook.Requests, r => r.IdempotencyKey == id));
        using var readyAgain = await http.GetAsync(bot.BaseUrl + "/readyz");
        Assert.Equal(HttpStatusCode.OK, readyAgain.StatusCode);

        Task<HttpResponseMessage> PostAsync(string conversation, string text) => ConnectorMessages.PostAsync(bot.BaseUrl, channel.ServiceUrl, conversation, text);
    }
}
