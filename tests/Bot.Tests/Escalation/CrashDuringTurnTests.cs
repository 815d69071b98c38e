using System.Net;
using Clinic.Bot.Storage;
using Clinic.Bot.Storage.Sql;
using Clinic.Bot.Tests.Infrastructure;
using Clinic.Bot.Tests.Protocol;

namespace Clinic.Bot.Tests.Escalation;

/// <summary>
/// SIGKILL in the middle of a turn (after the message was claimed, before anything was stored): nothing half-written
/// remains, and Teams' resend of the same activity, after the restart, is processed once with one escalation.
/// </summary>
public sealed class CrashDuringTurnTests : EscalationTestBase
{
    private const string Conversation = "conv-killed-mid-turn";

    [Fact]
    public async Task ATurnKilledMidwayLeavesNothingHalfWrittenAndItsResendEscalatesOnce()
    {
        var (_, smtp, webhook) = await StartReceiversAsync();
        var channel = Own(await FakeConnector.StartAsync());
        // The turn's "typing" (sent after the state is read, before anything is saved) hangs until the caller goes away.
        channel.Script.Enqueue(context => Task.Delay(Timeout.Infinite, context.RequestAborted));
        var environment = ServiceEnvironment(null, smtp, webhook);
        environment["Storage__InboundClaimLease"] = "00:00:01";
        var work = Path.GetDirectoryName(DatabasePath)!;
        var activity = ConnectorMessages.Message(channel.ServiceUrl, Conversation, "I'm pregnant. Is ketamine safe for me?", channelId: "msteams");

        var first = Own(await BotProcess.StartAsync(work, environment));
        var cutOff = ConnectorMessages.PostAsync(first.BaseUrl, activity);
        await Eventually.TrueAsync(() => !channel.Requests.IsEmpty, "the turn was under way");
        await first.KillAsync();
        await Assert.ThrowsAnyAsync<HttpRequestException>(() => cutOff);

        await using (var store = new SqliteChatStore(DatabasePath))
        {
            Assert.Null(await store.GetAsync(Conversation));
            Assert.Empty(await store.GetTranscriptAsync(Conversation, 10));
            Assert.Empty(await store.ListEscalationsAsync(null, 10));
        }

        // Teams resends the activity; once the dead turn's claim has lapsed, the restarted service processes it.
        var second = Own(await BotProcess.StartAsync(work, environment));
        await Eventually.TrueAsync(async () =>
        {
            Assert.Equal(HttpStatusCode.OK, (await ConnectorMessages.PostAsync(second.BaseUrl, activity)).StatusCode);
            await using var store = new SqliteChatStore(DatabasePath);
            return await store.GetAsync(Conversation) is not null;
        }, "a resend was processed");
        Assert.Equal(HttpStatusCode.OK, (await ConnectorMessages.PostAsync(second.BaseUrl, activity)).StatusCode);

        await using (var store = new SqliteChatStore(DatabasePath))
        {
            Assert.Single(await store.GetTranscriptAsync(Conversation, 10), t => t.Role == TranscriptRole.User);
            var escalation = Assert.Single(await store.ListEscalationsAsync(null, 10));
            Assert.Equal(EscalationKinds.Contraindication, escalation.Kind);
            await Eventually.TrueAsync(async () => (await store.GetEscalationAsync(escalation.Id))!.Deliveries.All(d => d.Status == DeliveryStatus.Delivered),
                "the alert was delivered");
            Assert.Single(webhook.Requests, r => r.IdempotencyKey == escalation.Id);
            Assert.Single(smtp.Messages, m => m.MessageId == $"{escalation.Id}@clinic-bot");
        }
    }
}
