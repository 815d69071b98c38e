using Clinic.Bot.Storage;

namespace Clinic.Bot.Tests.Storage;

public abstract partial class ChatStoreContractTests
{
    [Fact]
    public async Task AcknowledgingAnEscalationRecordsWhoAndWhenWithAnAuditRow()
    {
        await SaveNewAsync(Store, "conv-1", escalations: Escalation("esc-1"));

        var result = await Store.SetEscalationStatusAsync("esc-1", EscalationStatus.Acknowledged, "nurse.kim", T0.AddMinutes(3));

        Assert.Equal(StatusChangeResult.Changed, result);
        var escalation = await Store.GetEscalationAsync("esc-1");
        Assert.Equal((EscalationStatus.Acknowledged, "nurse.kim", (DateTimeOffset?)T0.AddMinutes(3)), (escalation!.Status, escalation.AcknowledgedBy, escalation.AcknowledgedAt));
        var audit = await Store.GetAuditAsync("esc-1");
        Assert.Equal([("created", "bot", T0), ("acknowledged", "nurse.kim", T0.AddMinutes(3))], audit.Select(a => (a.Action, a.Actor, a.At)));
    }

    [Fact]
    public async Task ResolvingAndReopeningAreAuditedInOrder()
    {
        await SaveNewAsync(Store, "conv-1", escalations: Escalation("esc-1"));
        await Store.SetEscalationStatusAsync("esc-1", EscalationStatus.Acknowledged, "nurse.kim", T0.AddMinutes(1));
        await Store.SetEscalationStatusAsync("esc-1", EscalationStatus.Resolved, "dr.patel", T0.AddMinutes(2));

        var resolved = await Store.GetEscalationAsync("esc-1");
        await Store.SetEscalationStatusAsync("esc-1", EscalationStatus.Open, "dr.patel", T0.AddMinutes(3));
        var reopened = await Store.GetEscalationAsync("esc-1");

        Assert.Equal((EscalationStatus.Resolved, "dr.patel", (DateTimeOffset?)T0.AddMinutes(2)), (resolved!.Status, resolved.ResolvedBy, resolved.ResolvedAt));
        Assert.Equal((EscalationStatus.Open, (string?)null, (string?)null), (reopened!.Status, reopened.AcknowledgedBy, reopened.ResolvedBy));
        Assert.Equal(["created", "acknowledged", "resolved", "open"], (await Store.GetAuditAsync("esc-1")).Select(a => a.Action));
    }

    [Fact]
    public async Task SettingTheStatusItAlreadyHasWritesNothing()
    {
        await SaveNewAsync(Store, "conv-1", escalations: Escalation("esc-1"));
        await Store.SetEscalationStatusAsync("esc-1", EscalationStatus.Acknowledged, "nurse.kim", T0.AddMinutes(1));

        var again = await Store.SetEscalationStatusAsync("esc-1", EscalationStatus.Acknowledged, "nurse.lee", T0.AddMinutes(2));

        Assert.Equal(StatusChangeResult.Unchanged, again);
        Assert.Equal("nurse.kim", (await Store.GetEscalationAsync("esc-1"))!.AcknowledgedBy);
        Assert.Equal(2, (await Store.GetAuditAsync("esc-1")).Count);
    }

    [Fact]
    public async Task StatusChangeOfAnUnknownEscalationIsNotFound()
    {
        Assert.Equal(StatusChangeResult.NotFound, await Store.SetEscalationStatusAsync("esc-missing", EscalationStatus.Resolved, "nurse.kim", T0));
        Assert.Empty(await Store.GetAuditAsync("esc-missing"));
        Assert.Null(await Store.GetEscalationAsync("esc-missing"));
    }

    [Fact]
    public async Task ListShowsTheRequestedStatusMostUrgentFirstThenNewest()
    {
        await SaveNewAsync(Store, "conv-1", at: T0, escalations: Escalation("esc-old-crisis", priority: 100));
        await SaveNewAsync(Store, "conv-2", at: T0.AddMinutes(1), escalations: Escalation("esc-staff", EscalationKinds.StaffRequest, priority: 10));
        await SaveNewAsync(Store, "conv-3", at: T0.AddMinutes(2), escalations: Escalation("esc-new-crisis", priority: 100));
        await SaveNewAsync(Store, "conv-4", at: T0.AddMinutes(3), escalations: Escalation("esc-done", priority: 100));
        await Store.SetEscalationStatusAsync("esc-done", EscalationStatus.Resolved, "nurse.kim", T0.AddMinutes(4));

        var open = await Store.ListEscalationsAsync(EscalationStatus.Open, 10);
        var all = await Store.ListEscalationsAsync(null, 2);

        Assert.Equal(["esc-new-crisis", "esc-old-crisis", "esc-staff"], open.Select(e => e.Id));
        Assert.Equal(["esc-done", "esc-new-crisis"], all.Select(e => e.Id));
        Assert.All(open, e => Assert.Equal(Sinks, e.Deliveries.Select(d => d.Sink)));
    }
}
