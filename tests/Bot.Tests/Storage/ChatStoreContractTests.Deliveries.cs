using System.Collections.Concurrent;
using Clinic.Bot.Storage;

namespace Clinic.Bot.Tests.Storage;

public abstract partial class ChatStoreContractTests
{
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(1);

    [Fact]
    public async Task ClaimReturnsDueDeliveriesWithTheEscalationToSend()
    {
        await SaveNewAsync(Store, "conv-1", escalations: Escalation("esc-1"));

        var claimed = await Store.ClaimDueDeliveriesAsync("worker-a", 10, Lease, T0);

        Assert.Equal(Sinks, claimed.Select(c => c.Sink).Order());
        Assert.All(claimed, c =>
        {
            Assert.Equal(("esc-1", "I don't want to be here anymore", 1, T0 + Lease), (c.Escalation.Id, c.Escalation.TriggeringText, c.Attempts, c.ClaimedUntil));
            Assert.All(c.Escalation.Deliveries, d => Assert.Equal("worker-a", d.ClaimedBy));
        });
    }

    [Fact]
    public async Task DeliveryIsNotDueBeforeItsTime()
    {
        await SaveNewAsync(Store, "conv-1", at: T0, escalations: Escalation("esc-1"));

        Assert.Empty(await Store.ClaimDueDeliveriesAsync("worker-a", 10, Lease, T0.AddSeconds(-1)));
    }

    [Fact]
    public async Task ClaimedDeliveryIsClaimableAgainOnlyAfterItsLeaseExpires()
    {
        await SaveNewAsync(Store, "conv-1", escalations: Escalation("esc-1"));
        await Store.ClaimDueDeliveriesAsync("worker-a", 10, Lease, T0);

        var duringLease = await Store.ClaimDueDeliveriesAsync("worker-b", 10, Lease, T0 + Lease - TimeSpan.FromSeconds(1));
        var afterLease = await Store.ClaimDueDeliveriesAsync("worker-b", 10, Lease, T0 + Lease);

        Assert.Empty(duringLease);
        Assert.Equal(Sinks, afterLease.Select(c => c.Sink).Order());
        Assert.All(afterLease, c => Assert.Equal(2, c.Attempts));
        Assert.All((await Store.GetEscalationAsync("esc-1"))!.Deliveries, d => Assert.Equal("worker-b", d.ClaimedBy));
    }

    [Fact]
    public async Task ConcurrentClaimersNeverReceiveTheSameDelivery()
    {
        var ids = await RaiseEscalationsAsync(Store, 30);
        var other = await OpenAnotherStoreAsync();
        var claims = new ConcurrentBag<(string, string)>();

        await Task.WhenAll(Enumerable.Range(0, 8).Select(worker => Task.Run(async () =>
        {
            var store = worker % 2 == 0 ? Store : other;
            while (true)
            {
                var batch = await store.ClaimDueDeliveriesAsync($"worker-{worker}", 3, TimeSpan.FromHours(1), T0);
                if (batch.Count == 0)
                {
                    return;
                }
                foreach (var claim in batch)
                {
                    claims.Add((claim.Escalation.Id, claim.Sink));
                }
            }
        })));

        Assert.Equal(60, claims.Count);
        Assert.Equal(60, claims.Distinct().Count());
        Assert.Equal(ids.SelectMany(id => Sinks.Select(s => (id, s))).Order(), claims.Order());
    }

    [Fact]
    public async Task MoreUrgentEscalationsAreClaimedFirst()
    {
        await SaveNewAsync(Store, "conv-1", escalations: Escalation("esc-staff", EscalationKinds.StaffRequest, priority: 10));
        await SaveNewAsync(Store, "conv-2", escalations: Escalation("esc-crisis", EscalationKinds.Crisis, priority: 100));

        var claimed = await Store.ClaimDueDeliveriesAsync("worker-a", 2, Lease, T0);

        Assert.All(claimed, c => Assert.Equal("esc-crisis", c.Escalation.Id));
    }

    [Fact]
    public async Task DeliveredDeliveryIsNeverClaimedAgain()
    {
        await SaveNewAsync(Store, "conv-1", escalations: Escalation("esc-1"));
        await Store.ClaimDueDeliveriesAsync("worker-a", 10, Lease, T0);

        Assert.True(await Store.MarkDeliveredAsync("esc-1", "email", "msg-42", T0.AddSeconds(5)));

        var email = (await Store.GetEscalationAsync("esc-1"))!.Deliveries.Single(d => d.Sink == "email");
        Assert.Equal((DeliveryStatus.Delivered, "msg-42", (DateTimeOffset?)T0.AddSeconds(5), (string?)null), (email.Status, email.ExternalId, email.DeliveredAt, email.ClaimedBy));
        Assert.Equal(1, await Store.PendingCountAsync());
        var later = await Store.ClaimDueDeliveriesAsync("worker-b", 10, Lease, T0.AddDays(1));
        Assert.Equal("teams", Assert.Single(later).Sink);
    }

    [Fact]
    public async Task FailedDeliveryIsRetriedAtItsNextAttemptTime()
    {
        await SaveNewAsync(Store, "conv-1", escalations: Escalation("esc-1"));
        await Store.ClaimDueDeliveriesAsync("worker-a", 10, Lease, T0);

        Assert.True(await Store.MarkFailedAsync("esc-1", "teams", "HTTP 503 from webhook", T0.AddMinutes(5)));

        var teams = (await Store.GetEscalationAsync("esc-1"))!.Deliveries.Single(d => d.Sink == "teams");
        Assert.Equal((DeliveryStatus.Failed, "HTTP 503 from webhook", (DateTimeOffset?)T0.AddMinutes(5), (string?)null), (teams.Status, teams.LastError, teams.NextAttemptAt, teams.ClaimedBy));
        Assert.Equal(2, await Store.PendingCountAsync());
        Assert.DoesNotContain(await Store.ClaimDueDeliveriesAsync("worker-b", 10, Lease, T0.AddMinutes(4)), c => c.Sink == "teams");
        var retry = Assert.Single(await Store.ClaimDueDeliveriesAsync("worker-b", 10, Lease, T0.AddMinutes(5)), c => c.Sink == "teams");
        Assert.Equal(2, retry.Attempts);
    }

    [Fact]
    public async Task FailedDeliveryWithoutANextAttemptIsGivenUp()
    {
        await SaveNewAsync(Store, "conv-1", escalations: Escalation("esc-1"));

        Assert.True(await Store.MarkFailedAsync("esc-1", "teams", "webhook URL rejected", null));

        Assert.Equal(1, await Store.PendingCountAsync());
        Assert.DoesNotContain(await Store.ClaimDueDeliveriesAsync("worker-a", 10, Lease, T0.AddYears(1)), c => c.Sink == "teams");
    }

    [Fact]
    public async Task LateFailureReportDoesNotUndoADelivery()
    {
        await SaveNewAsync(Store, "conv-1", escalations: Escalation("esc-1"));
        await Store.MarkDeliveredAsync("esc-1", "email", null, T0);

        Assert.False(await Store.MarkFailedAsync("esc-1", "email", "timeout", T0.AddMinutes(1)));

        Assert.Equal(DeliveryStatus.Delivered, (await Store.GetEscalationAsync("esc-1"))!.Deliveries.Single(d => d.Sink == "email").Status);
    }

    [Fact]
    public async Task ReportsAboutUnknownDeliveriesChangeNothing()
    {
        await SaveNewAsync(Store, "conv-1", escalations: Escalation("esc-1"));

        Assert.False(await Store.MarkDeliveredAsync("esc-1", "pager", null, T0));
        Assert.False(await Store.MarkFailedAsync("esc-missing", "email", "boom", T0));
        Assert.False(await Store.ScheduleResendAsync("esc-missing", "email", T0));
        Assert.Equal(2, await Store.PendingCountAsync());
    }

    [Fact]
    public async Task UnacknowledgedCrisisIsFoundAndResentUntilStaffAcknowledge()
    {
        await SaveNewAsync(Store, "conv-1", escalations: Escalation("esc-crisis"));
        await SaveNewAsync(Store, "conv-2", escalations: Escalation("esc-contra", EscalationKinds.Contraindication));
        foreach (var id in new[] { "esc-crisis", "esc-contra" })
        {
            foreach (var sink in Sinks)
            {
                await Store.MarkDeliveredAsync(id, sink, null, T0.AddMinutes(1));
            }
        }

        var tooEarly = await Store.FindUnacknowledgedAsync(EscalationKinds.Crisis, T0);
        var overdue = await Store.FindUnacknowledgedAsync(EscalationKinds.Crisis, T0.AddMinutes(15));

        Assert.Empty(tooEarly);
        Assert.Equal("esc-crisis", Assert.Single(overdue).Id);
        Assert.True(await Store.ScheduleResendAsync("esc-crisis", "email", T0.AddMinutes(15)));
        Assert.Empty(await Store.FindUnacknowledgedAsync(EscalationKinds.Crisis, T0.AddMinutes(15)));
        Assert.False(await Store.ScheduleResendAsync("esc-crisis", "email", T0.AddMinutes(16)));
        var resend = Assert.Single(await Store.ClaimDueDeliveriesAsync("worker-a", 10, Lease, T0.AddMinutes(15)));
        Assert.Equal(("esc-crisis", "email", 1), (resend.Escalation.Id, resend.Sink, resend.Attempts));

        await Store.SetEscalationStatusAsync("esc-crisis", EscalationStatus.Acknowledged, "nurse.kim", T0.AddMinutes(16));

        Assert.Empty(await Store.FindUnacknowledgedAsync(EscalationKinds.Crisis, T0.AddHours(2)));
        Assert.False(await Store.ScheduleResendAsync("esc-crisis", "teams", T0.AddHours(2)));
    }
}
