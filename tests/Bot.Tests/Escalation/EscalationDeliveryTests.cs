using System.Text.Json;
using Clinic.Bot.Escalation.Webhook;
using Clinic.Bot.Storage;
using Clinic.Bot.Tests.Protocol;
using Microsoft.Extensions.Logging;

namespace Clinic.Bot.Tests.Escalation;

public sealed class EscalationDeliveryTests : EscalationTestBase
{
    [Fact]
    public async Task EverySinkReceivesTheAlertExactlyOnce()
    {
        var (teams, smtp, webhook) = await StartReceiversAsync();
        var host = await StartHostAsync(EscalationHost.Sinks(EscalationHost.Settings(DatabasePath), teams, smtp, webhook));

        var id = await host.RaiseAsync(text: VisitorText, contactJson: ContactJson);
        await host.AllDeliveredAsync(id);

        // Email: one message whose Message-Id is derived from the escalation id, subject with priority and kind.
        var mail = Assert.Single(smtp.Messages);
        Assert.Equal($"{id}@clinic-bot", mail.MessageId);
        Assert.Contains("[P3 crisis]", mail.Subject);
        Assert.Contains(VisitorText, mail.TextBody);
        Assert.Contains(VisitorPhone, mail.TextBody);
        Assert.Equal(["oncall@clinic.example", "nurse.lead@clinic.example"], mail.To.Mailboxes.Select(m => m.Address));

        // Webhook: one signed request keyed by the escalation id, with the documented fields.
        var request = Assert.Single(webhook.Requests);
        Assert.True(request.SignatureValid);
        Assert.Equal(id, request.IdempotencyKey);
        Assert.True(long.TryParse(request.Timestamp, out _));
        var alert = webhook.Alerts[id];
        Assert.Equal(id, alert.GetProperty("id").GetString());
        Assert.Equal("crisis", alert.GetProperty("kind").GetString());
        Assert.Equal(3, alert.GetProperty("priority").GetInt32());
        Assert.Equal(["self-harm.intent"], alert.GetProperty("reasons").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal(VisitorText, alert.GetProperty("triggeringText").GetString());
        Assert.Contains("what is ketamine therapy?", alert.GetProperty("transcriptExcerpt").GetString());
        Assert.Equal(VisitorEmail, alert.GetProperty("contact").GetProperty("email").GetString());
        Assert.False(alert.GetProperty("reminder").GetBoolean());
        Assert.StartsWith("conv-", alert.GetProperty("conversationId").GetString());
        Assert.Equal(JsonValueKind.String, alert.GetProperty("createdAt").ValueKind);

        // Teams: one new thread in the staff channel carrying the card.
        var post = Assert.Single(TeamsPosts(teams, id));
        Assert.Equal("/amer/v3/conversations", post.RawTarget);
        using var body = JsonDocument.Parse(post.Body);
        Assert.True(body.RootElement.GetProperty("isGroup").GetBoolean());
        Assert.Equal(EscalationHost.StaffChannel, body.RootElement.GetProperty("channelData").GetProperty("channel").GetProperty("id").GetString());
        Assert.Equal(EscalationHost.TenantId, body.RootElement.GetProperty("tenantId").GetString());
        var attachment = body.RootElement.GetProperty("activity").GetProperty("attachments")[0];
        Assert.Equal("application/vnd.microsoft.card.adaptive", attachment.GetProperty("contentType").GetString());
        Assert.Equal("1.5", attachment.GetProperty("content").GetProperty("version").GetString());

        var record = await host.EscalationAsync(id);
        Assert.All(record.Deliveries, d => Assert.Equal(1, d.Attempts));
        Assert.Contains($"Escalation {id} delivered to teams", host.Logs.All);
        AssertNoPersonalData(host.Logs);
    }

    [Fact]
    public async Task ServerErrorsAndThrottlingAreRetriedAndStillMakeExactlyOneAlert()
    {
        var (teams, smtp, webhook) = await StartReceiversAsync(deferSmtp: 2);
        teams.Script.Enqueue(FakeConnector.Status(500));
        teams.Script.Enqueue(FakeConnector.Status(429, "0"));
        webhook.Script.Enqueue(WebhookReceiver.Status(500));
        webhook.Script.Enqueue(WebhookReceiver.Status(429, "0"));
        webhook.Script.Enqueue(WebhookReceiver.Status(503));
        var host = await StartHostAsync(EscalationHost.Sinks(EscalationHost.Settings(DatabasePath), teams, smtp, webhook));

        var id = await host.RaiseAsync(text: VisitorText, contactJson: ContactJson);
        await host.AllDeliveredAsync(id);

        Assert.Single(smtp.Messages);
        Assert.Single(webhook.Alerts);
        Assert.Equal(4, webhook.Requests.Count);
        Assert.All(webhook.Requests, r => Assert.Equal(id, r.IdempotencyKey));

        // 500 on the POST: a new attempt; 429: retried inside the same attempt by the Connector client; then created.
        Assert.Equal(3, TeamsPosts(teams, id).Count);
        Assert.Empty(teams.Script);
        var deliveries = (await host.EscalationAsync(id)).Deliveries.ToDictionary(d => d.Sink);
        Assert.Equal(2, deliveries["teams"].Attempts);
        Assert.Equal(3, deliveries["email"].Attempts);
        Assert.Equal(4, deliveries["webhook"].Attempts);
        Assert.Contains("webhook answered HTTP 500", host.Logs.All);
        Assert.Contains("SMTP server deferred the alert (451", host.Logs.All);
        AssertNoPersonalData(host.Logs);
    }

    [Fact]
    public async Task RetryAfterFromTheReceiverDecidesTheNextAttempt()
    {
        var webhook = Own(await WebhookReceiver.StartNewAsync());
        webhook.Script.Enqueue(WebhookReceiver.Status(429, "600"));
        var settings = EscalationHost.Sinks(EscalationHost.Settings(DatabasePath), null, null, webhook);
        settings["Escalation:RetryMaxDelay"] = "00:30:00";
        var host = await StartHostAsync(settings);

        var before = DateTimeOffset.UtcNow;
        var id = await host.RaiseAsync();
        await Eventually.TrueAsync(async () => (await host.EscalationAsync(id)).Deliveries[0].Status == DeliveryStatus.Failed, "the throttled attempt is recorded");

        var delivery = (await host.EscalationAsync(id)).Deliveries[0];
        Assert.InRange(delivery.NextAttemptAt!.Value, before.AddSeconds(599), DateTimeOffset.UtcNow.AddSeconds(601));
        Assert.Equal("webhook answered HTTP 429 with Retry-After", delivery.LastError);
        Assert.Empty(webhook.Alerts);
    }

    [Fact]
    public async Task ReceiversThatAreDownGetTheAlertOnceWhenTheyComeBack()
    {
        var teams = Own(await FakeTeams.StartAsync());
        var smtp = Own(SmtpReceiver.NotStarted());
        var webhook = Own(WebhookReceiver.NotStarted());
        for (var i = 0; i < 3; i++)
            teams.Script.Enqueue(FakeConnector.Status(503));
        var host = await StartHostAsync(EscalationHost.Sinks(EscalationHost.Settings(DatabasePath), teams, smtp, webhook));

        var id = await host.RaiseAsync(text: VisitorText, contactJson: ContactJson);
        await Eventually.TrueAsync(async () => (await host.EscalationAsync(id)).Deliveries.Where(d => d.Sink != "teams").All(d => d.Status == DeliveryStatus.Failed && d.Attempts >= 2),
            "email and webhook failed at least twice");
        await smtp.StartAsync();
        await webhook.StartAsync();
        await host.AllDeliveredAsync(id);

        Assert.Single(smtp.Messages);
        Assert.Single(webhook.Alerts);
        Assert.Single(webhook.Requests);
        Assert.Equal(4, TeamsPosts(teams, id).Count);
        Assert.Contains("SMTP server unreachable", host.Logs.All);
        Assert.Contains("webhook unreachable", host.Logs.All);
        AssertNoPersonalData(host.Logs);
    }

    [Fact]
    public async Task AlertThatKeepsFailingIsGivenUpAfterTheAttemptLimitWithACriticalLog()
    {
        var webhook = Own(await WebhookReceiver.StartNewAsync());
        for (var i = 0; i < 10; i++)
            webhook.Script.Enqueue(WebhookReceiver.Status(502));
        var settings = EscalationHost.Sinks(EscalationHost.Settings(DatabasePath), null, null, webhook);
        settings["Escalation:MaxAttempts"] = "3";
        var host = await StartHostAsync(settings);

        var id = await host.RaiseAsync();
        await Eventually.TrueAsync(async () => (await host.EscalationAsync(id)).Deliveries[0] is { Status: DeliveryStatus.Failed, NextAttemptAt: null },
            "the delivery is given up");

        Assert.Equal(3, (await host.EscalationAsync(id)).Deliveries[0].Attempts);
        Assert.Equal(3, webhook.Requests.Count);
        var critical = Assert.Single(host.Logs.Entries, e => e.Level == LogLevel.Critical);
        Assert.Contains(id, critical.Message);
        Assert.Contains("gave up after 3 attempt(s)", critical.Message);
        Assert.Equal(0, await host.Escalations.PendingCountAsync());
    }

    [Fact]
    public async Task ClientErrorsAreGivenUpAtOnce()
    {
        var (teams, smtp, webhook) = await StartReceiversAsync();
        await smtp.StopAsync();
        await smtp.StartAsync(reject: true);
        teams.Script.Enqueue(FakeConnector.Status(403));
        webhook.Script.Enqueue(WebhookReceiver.Status(400));
        var host = await StartHostAsync(EscalationHost.Sinks(EscalationHost.Settings(DatabasePath), teams, smtp, webhook));

        var id = await host.RaiseAsync();
        await Eventually.TrueAsync(async () => (await host.EscalationAsync(id)).Deliveries.All(d => d is { Status: DeliveryStatus.Failed, NextAttemptAt: null }),
            "every delivery is given up");

        Assert.All((await host.EscalationAsync(id)).Deliveries, d => Assert.Equal(1, d.Attempts));
        Assert.Equal(3, host.Logs.Entries.Count(e => e.Level == LogLevel.Critical && e.Message.Contains(id, StringComparison.Ordinal)));
        var logs = host.Logs.All;
        Assert.Contains("webhook refused the alert with HTTP 400", logs);
        Assert.Contains("SMTP server refused the alert (550", logs);
        Assert.Contains("Teams refused the alert (HTTP 403", logs);
    }

    [Fact]
    public async Task WebhookSignatureIsTheHmacOfTheRawBody()
    {
        var body = "{\"id\":\"esc_1\"}"u8.ToArray();
        var signature = WebhookSignature.Compute("secret", body);

        Assert.Equal("sha256=" + Convert.ToHexStringLower(System.Security.Cryptography.HMACSHA256.HashData("secret"u8, body)), signature);
        Assert.True(WebhookSignature.Verify("secret", body, signature));
        Assert.False(WebhookSignature.Verify("other-secret", body, signature));
        Assert.False(WebhookSignature.Verify("secret", "{\"id\":\"esc_2\"}"u8, signature));
        Assert.False(WebhookSignature.Verify("secret", body, null));
    }

    [Fact]
    public async Task NewEscalationWakesTheDispatcherWithoutWaitingForThePoll()
    {
        var webhook = Own(await WebhookReceiver.StartNewAsync());
        var settings = EscalationHost.Sinks(EscalationHost.Settings(DatabasePath), null, null, webhook);
        settings["Escalation:PollInterval"] = "01:00:00";
        var host = await StartHostAsync(settings);
        await Eventually.TrueAsync(() => host.Dispatcher.CrisisChecks >= 1, "the dispatcher made its first look and went to sleep");

        var id = await host.RaiseAsync();

        await host.AllDeliveredAsync(id);
        Assert.Single(webhook.Alerts);
    }

    [Fact]
    public async Task ReceiverThatProcessedTheAlertButAnsweredTooLateSeesTheRetryAsTheSameAlert()
    {
        var webhook = Own(await WebhookReceiver.StartNewAsync());
        webhook.Script.Enqueue(async context =>
        {
            // Accepted, but the answer comes after the sender has given up waiting.
            webhook.Alerts.TryAdd(context.Request.Headers["Idempotency-Key"].ToString(), default);
            await Task.Delay(TimeSpan.FromSeconds(2));
        });
        var settings = EscalationHost.Sinks(EscalationHost.Settings(DatabasePath), null, null, webhook);
        settings["Escalation:Webhook:Timeout"] = "00:00:00.300";
        var host = await StartHostAsync(settings);

        var id = await host.RaiseAsync();
        await host.AllDeliveredAsync(id);

        Assert.Equal(2, webhook.Requests.Count);
        Assert.All(webhook.Requests, r => Assert.Equal(id, r.IdempotencyKey));
        Assert.Equal([id], webhook.Alerts.Keys);
        Assert.Contains("webhook did not answer within", host.Logs.All);
    }

    [Fact]
    public async Task DeliveryForASinkNoInstanceHasIsRetriedForOthersThenGivenUp()
    {
        var webhook = Own(await WebhookReceiver.StartNewAsync());
        var settings = EscalationHost.Sinks(EscalationHost.Settings(DatabasePath), null, null, webhook);
        settings["Escalation:MaxAttempts"] = "2";
        var host = await StartHostAsync(settings);

        var id = await host.RaiseAsync(sinks: ["webhook", "pager"]);
        await Eventually.TrueAsync(async () => (await host.EscalationAsync(id)).Deliveries.Single(d => d.Sink == "pager") is { Status: DeliveryStatus.Failed, NextAttemptAt: null },
            "the pager delivery is given up");

        var deliveries = (await host.EscalationAsync(id)).Deliveries.ToDictionary(d => d.Sink);
        Assert.Equal(DeliveryStatus.Delivered, deliveries["webhook"].Status);
        Assert.Equal((2, "sink not configured on this instance"), (deliveries["pager"].Attempts, deliveries["pager"].LastError));
        Assert.Contains($"Escalation {id} has a delivery to sink pager, which is not configured on this instance", host.Logs.All);
        Assert.Contains(host.Logs.Entries, e => e.Level == LogLevel.Critical && e.Message.Contains("to pager", StringComparison.Ordinal));
    }
}
