using System.Text.Json;
using System.Text.Json.Nodes;
using Clinic.Bot.Bot;
using Clinic.Bot.Dialog;
using Clinic.Bot.Safety;
using Clinic.Bot.Storage;
using Clinic.Bot.Tests.Escalation;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Clinic.Bot.Tests.App;

/// <summary>The whole app with a conversation store that can be taken down, as a database outage would.</summary>
public sealed class OutageAppFixture : AppFixture
{
    internal OutageStore Store { get; private set; } = null!;

    protected override void ConfigureServices(IServiceCollection services) =>
        services.AddSingleton<IConversationStore>(sp => Store = new OutageStore((IConversationStore)sp.GetRequiredService<IEscalationStore>()));
}

/// <summary>BotActivityHandler's failure path: what the visitor gets and what is stored when the store fails mid-turn.</summary>
public sealed class StoreFailureTests(OutageAppFixture app) : IClassFixture<OutageAppFixture>, IDisposable
{
    private string TurnFailed => app.Services.GetRequiredService<IOptions<DialogOptions>>().Value.TurnFailed;

    private static string Text(JsonObject reply) => reply["text"]?.GetValue<string>() ?? "";

    public void Dispose() => (app.Store.FailReads, app.Store.FailWrites) = (false, false);

    private async Task<IReadOnlyList<EscalationRecord>> EscalationsOfAsync(string conversationId) =>
        (await app.Services.GetRequiredService<IEscalationStore>().ListEscalationsAsync(null, 500)).Where(e => e.ConversationId == conversationId).ToList();

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task ACrisisIsAnsweredWhileTheStoreIsDownAndItsEscalationIsRecordedOnceItIsBack(bool readsFail)
    {
        var visitor = await app.NewVisitorAsync();
        (app.Store.FailReads, app.Store.FailWrites) = (readsFail, true);

        var replies = await visitor.AskAsync("i cant do this anymore, i want to kill myself");

        var reply = Assert.Single(replies);
        Assert.Contains("988", Text(reply));
        Assert.Contains("staff has been alerted", Text(reply));
        Assert.DoesNotContain(TurnFailed, Text(reply));
        Assert.Empty(await EscalationsOfAsync(visitor.ConversationId));
        Assert.Equal(1, app.Services.GetRequiredService<CrisisRescue>().Pending);

        (app.Store.FailReads, app.Store.FailWrites) = (false, false);
        await Eventually.TrueAsync(async () => (await EscalationsOfAsync(visitor.ConversationId)).Count > 0, "the crisis escalation was recorded");
        var escalation = Assert.Single(await EscalationsOfAsync(visitor.ConversationId));
        Assert.Equal(EscalationKinds.Crisis, escalation.Kind);
        Assert.Equal(3, escalation.Priority);
        Assert.Contains("kill myself", escalation.TriggeringText);
        Assert.Equal(0, app.Services.GetRequiredService<CrisisRescue>().Pending);

        // The recorded state keeps the risk in force, so the next turn neither alerts staff twice nor forgets it.
        var stored = await app.Store.GetAsync(visitor.ConversationId);
        Assert.Equal(TriageLevel.Crisis, JsonSerializer.Deserialize<ConversationState>(stored!.StateJson)!.StrongestLevel);
        var later = await visitor.AskAsync("what are the side effects of ketamine?");
        Assert.Contains(later[0]["channelData"]!["clinic"]!["disclaimers"]!.AsArray(), d => d!.GetValue<string>().Contains("988"));
        Assert.Single(await EscalationsOfAsync(visitor.ConversationId));
    }

    [Fact]
    public async Task AQuestionWhoseTurnCannotBeSavedGetsTheApologyAndLeavesNothingHalfWritten()
    {
        var visitor = await app.NewVisitorAsync();
        app.Store.FailWrites = true;

        var replies = await visitor.AskAsync("I'm pregnant, can I still get ketamine treatment?");

        Assert.Equal(TurnFailed, Text(Assert.Single(replies)));
        app.Store.FailWrites = false;
        Assert.Null(await app.Store.GetAsync(visitor.ConversationId));
        Assert.Empty(await app.Store.GetTranscriptAsync(visitor.ConversationId, 10));
        Assert.Empty(await EscalationsOfAsync(visitor.ConversationId));
        Assert.Equal(0, app.Services.GetRequiredService<CrisisRescue>().Pending);

        // The store is back and the same visitor carries on: the disclosure is escalated this time.
        var again = await visitor.AskAsync("I'm pregnant, can I still get ketamine treatment?");
        Assert.DoesNotContain(again, r => Text(r) == TurnFailed);
        Assert.Equal(EscalationKinds.Contraindication, Assert.Single(await EscalationsOfAsync(visitor.ConversationId)).Kind);
    }
}
