using Clinic.Bot.Dialog;
using Clinic.Bot.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Clinic.Bot.Tests.App;

public sealed class RestartTests(AppFixture app) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task ARestartLosesNoConversation()
    {
        var visitor = await app.NewVisitorAsync();
        await visitor.AskAsync("I'm pregnant. Is ketamine safe for me?");
        var before = await app.Services.GetRequiredService<IConversationStore>().GetAsync(visitor.ConversationId);

        await app.RestartAsync();

        var store = app.Services.GetRequiredService<IConversationStore>();
        var after = await store.GetAsync(visitor.ConversationId);
        Assert.NotNull(after);
        Assert.Equal(before!.ETag, after.ETag);
        var state = System.Text.Json.JsonSerializer.Deserialize<ConversationState>(after.StateJson)!;
        Assert.Equal(Clinic.Bot.Safety.TriageLevel.Contraindication, state.StrongestLevel);
        Assert.NotNull(state.AwaitingContactFor);
        Assert.Equal(3, (await store.GetTranscriptAsync(visitor.ConversationId, 10)).Count);
    }
}
