using Clinic.Bot.Storage;

namespace Clinic.Bot.Tests.Escalation;

public sealed class CrisisReminderTests : EscalationTestBase
{
    [Fact]
    public async Task CrisisNobodyAcknowledgedIsSentAgainToEverySinkUntilAcknowledged()
    {
        var (teams, smtp, webhook) = await StartReceiversAsync();
        var time = new ShiftableTime();
        var host = await StartHostAsync(EscalationHost.Sinks(EscalationHost.Settings(DatabasePath), teams, smtp, webhook), time);
        var id = await host.RaiseAsync(text: VisitorText, at: time.GetUtcNow());
        await host.AllDeliveredAsync(id);
        var firstCard = Assert.Single(TeamsPosts(teams, id));

        time.Advance(TimeSpan.FromMinutes(11));
        await Eventually.TrueAsync(() => smtp.Messages.Count == 2 && webhook.Alerts.Count == 2 && TeamsPosts(teams, id).Count == 2, "a reminder reached every sink");
        await host.AllDeliveredAsync(id);

        // Email: its own Message-Id, threaded under the first alert.
        var reminder = Assert.Single(smtp.Messages, m => m.MessageId != $"{id}@clinic-bot");
        Assert.StartsWith($"{id}.reminder-", reminder.MessageId);
        Assert.Equal($"{id}@clinic-bot", reminder.InReplyTo);
        Assert.StartsWith("REMINDER", reminder.Subject);

        // Webhook: a new Idempotency-Key (the receiver must not drop it as a repeat) and reminder=true.
        var reminderKey = Assert.Single(webhook.Alerts.Keys, k => k != id);
        Assert.StartsWith(id + ":reminder-", reminderKey);
        Assert.True(webhook.Alerts[reminderKey].GetProperty("reminder").GetBoolean());

        // Teams: a reply in the alert's thread; the stored card address still points at the first card.
        var reply = Assert.Single(TeamsPosts(teams, id), p => p != firstCard);
        Assert.StartsWith("/amer/v3/conversations/" + Uri.EscapeDataString(EscalationHost.StaffChannel + ";messageid="), reply.RawTarget);
        Assert.Contains("Reminder: nobody has acknowledged", reply.Body);
        Assert.Contains($"Crisis escalation {id} not acknowledged", host.Logs.All);

        await host.Escalations.SetEscalationStatusAsync(id, EscalationStatus.Acknowledged, "nurse.kim", time.GetUtcNow());
        time.Advance(TimeSpan.FromMinutes(30));
        var checks = host.Dispatcher.CrisisChecks;
        await Eventually.TrueAsync(() => host.Dispatcher.CrisisChecks >= checks + 3, "the dispatcher looked for unacknowledged crises again");

        Assert.Equal(2, smtp.Messages.Count);
        Assert.Equal(2, webhook.Requests.Count);
        Assert.Equal(2, TeamsPosts(teams, id).Count);
        AssertNoPersonalData(host.Logs);
    }

    [Fact]
    public async Task OnlyTheOnCallSinksGetCrisisReminders()
    {
        var (teams, smtp, webhook) = await StartReceiversAsync();
        var time = new ShiftableTime();
        var settings = EscalationHost.Sinks(EscalationHost.Settings(DatabasePath), teams, smtp, webhook);
        settings["Escalation:CrisisResendSinks:0"] = "email";
        var host = await StartHostAsync(settings, time);
        var id = await host.RaiseAsync(at: time.GetUtcNow());
        await host.AllDeliveredAsync(id);

        time.Advance(TimeSpan.FromMinutes(11));
        await Eventually.TrueAsync(() => smtp.Messages.Count == 2, "the reminder email arrived");
        await host.AllDeliveredAsync(id);
        var checks = host.Dispatcher.CrisisChecks;
        await Eventually.TrueAsync(() => host.Dispatcher.CrisisChecks >= checks + 2, "the dispatcher looked again");

        Assert.Single(webhook.Requests);
        Assert.Single(TeamsPosts(teams, id));
    }

    [Fact]
    public async Task StaffRequestsAreNotSentAgain()
    {
        var (teams, smtp, webhook) = await StartReceiversAsync();
        var time = new ShiftableTime();
        var host = await StartHostAsync(EscalationHost.Sinks(EscalationHost.Settings(DatabasePath), teams, smtp, webhook), time);
        var id = await host.RaiseAsync(EscalationKinds.StaffRequest, "talk to a person", at: time.GetUtcNow());
        await host.AllDeliveredAsync(id);

        time.Advance(TimeSpan.FromHours(2));
        var checks = host.Dispatcher.CrisisChecks;
        await Eventually.TrueAsync(() => host.Dispatcher.CrisisChecks >= checks + 3, "the dispatcher looked for unacknowledged crises");

        Assert.Single(smtp.Messages);
        Assert.Single(webhook.Requests);
        Assert.Single(TeamsPosts(teams, id));
    }
}
