using System.Net;
using Clinic.Bot.Storage;
using Clinic.Bot.Storage.Sql;
using Clinic.Bot.Tests.Infrastructure;
using Clinic.Bot.Tests.Protocol;
using Clinic.Bot.Tests.Teams;

namespace Clinic.Bot.Tests.Escalation;

/// <summary>
/// The outbox across a crash: the real service stores a visitor's escalation and replies, is killed with SIGKILL before
/// it sends anything, and after a restart every staff sink receives the alert exactly once.
/// </summary>
public sealed class CrashRecoveryTests : EscalationTestBase
{
    [Fact]
    public async Task AlertStoredBeforeAKillIsDeliveredOnceToEverySinkAfterTheRestart()
    {
        var (teams, smtp, webhook) = await StartReceiversAsync();
        var visitorChannel = Own(await FakeConnector.StartAsync());
        var work = Path.GetDirectoryName(DatabasePath)!;
        var environment = ServiceEnvironment(teams, smtp, webhook);

        // First life: the dispatcher is told to wait an hour, so the kill surely comes before any delivery.
        environment["Escalation__StartDelay"] = "01:00:00";
        var first = Own(await BotProcess.StartAsync(work, environment));
        var reply = await PostAsync(first, "talk to a person");
        Assert.Equal(HttpStatusCode.OK, reply.StatusCode);
        Assert.Contains(visitorChannel.Requests, r => r.RawTarget.Contains("conv-crash", StringComparison.Ordinal));
        await first.KillAsync();

        // The reply went out, so the turn (and its outbox rows) had been committed; nothing was delivered yet.
        EscalationRecord stored;
        await using (var store = new SqliteChatStore(DatabasePath))
        {
            stored = Assert.Single(await store.ListEscalationsAsync(null, 10));
            Assert.Equal(EscalationKinds.StaffRequest, stored.Kind);
            Assert.Equal(["email", "teams", "webhook"], stored.Deliveries.Select(d => d.Sink).Order());
            Assert.All(stored.Deliveries, d => Assert.Equal((DeliveryStatus.Pending, 0), (d.Status, d.Attempts)));
        }
        Assert.Empty(smtp.Messages);
        Assert.Empty(webhook.Requests);
        Assert.Empty(teams.Requests);

        // Second life: one look at start, then only a turn's wake-up signal can make it look again within the hour.
        environment["Escalation__StartDelay"] = "00:00:00";
        environment["Escalation__PollInterval"] = "01:00:00";
        var second = Own(await BotProcess.StartAsync(work, environment));
        await Eventually.TrueAsync(async () =>
        {
            await using var store = new SqliteChatStore(DatabasePath);
            return (await store.GetEscalationAsync(stored.Id))!.Deliveries.All(d => d.Status == DeliveryStatus.Delivered);
        }, "the restarted service delivered to every sink");

        Assert.Equal($"{stored.Id}@clinic-bot", Assert.Single(smtp.Messages).MessageId);
        Assert.Equal(stored.Id, Assert.Single(webhook.Alerts).Key);
        Assert.Single(webhook.Requests);
        Assert.Single(teams.Posts(stored.Id));
        Assert.Contains("talk to a person", smtp.Messages[0].TextBody);

        // A new escalation in the restarted service goes out at once: the turn wakes the dispatcher.
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(second, "can someone call me", "conv-crash-2")).StatusCode);
        await Eventually.TrueAsync(() => smtp.Messages.Count == 2 && webhook.Alerts.Count == 2, "the second alert arrived without waiting for the poll");
        Assert.Equal(2, webhook.Requests.Count);

        // Neither life logged what the visitor wrote.
        Assert.DoesNotContain("talk to a person", first.Output + second.Output, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("can someone call me", second.Output, StringComparison.OrdinalIgnoreCase);
        Assert.Contains($"Escalation {stored.Id} delivered to email", second.Output);

        Task<HttpResponseMessage> PostAsync(BotProcess bot, string text, string conversation = "conv-crash-1") =>
            ConnectorMessages.PostAsync(bot.BaseUrl, visitorChannel.ServiceUrl, conversation, text);
    }
}
