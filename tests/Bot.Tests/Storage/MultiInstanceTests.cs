using System.Net;
using System.Text.Json;
using Clinic.Bot.Dialog;
using Clinic.Bot.Safety;
using Clinic.Bot.Storage;
using Clinic.Bot.Tests.Escalation;
using Clinic.Bot.Tests.Infrastructure;
using Clinic.Bot.Tests.Protocol;
using Microsoft.AspNetCore.Http;

namespace Clinic.Bot.Tests.Storage;

/// <summary>Two real bot processes on one PostgreSQL database: turns, concurrent writes, the outbox and redeliveries.</summary>
public sealed class MultiInstanceTests(TwoInstancesFixture bots) : IClassFixture<TwoInstancesFixture>
{
    private static readonly DialogOptions Dialog = new();

    [Fact]
    public async Task AConversationAlternatingBetweenInstancesKeepsEveryTurnAndItsDialogState()
    {
        var conversation = NewConversation();
        string[] texts = ["What is ketamine therapy?", "I'm pregnant. Is ketamine safe for me?", "yes, call me at +1 206 555 0142", "How is ketamine given?"];

        for (var i = 0; i < texts.Length; i++)
            Assert.Equal(HttpStatusCode.OK, (await PostAsync(i % 2 == 0 ? bots.A : bots.B, conversation, texts[i])).StatusCode);

        var store = bots.OpenStore();
        var transcript = await store.GetTranscriptAsync(conversation, 100);
        Assert.Equal(texts, transcript.Where(t => t.Role == TranscriptRole.User).Select(t => t.Text));
        Assert.Equal(Replies(conversation).Count, transcript.Count(t => t.Role == TranscriptRole.Bot));
        var state = State((await store.GetAsync(conversation))!);
        Assert.Equal(4, state.Turns);
        Assert.Equal(TriageLevel.Contraindication, state.StrongestLevel);
        Assert.Null(state.AwaitingContactFor);

        // The contact offer made by B was answered on A: A read B's state, so the details were taken as consent.
        Assert.Contains(Replies(conversation), r => r == Dialog.ContactSaved);
        var escalations = (await store.ListEscalationsAsync(null, 500)).Where(e => e.ConversationId == conversation).ToList();
        Assert.Equal(["contact-details", "contraindication"], escalations.Select(e => e.Kind).Order());
        Assert.Contains("2065550142", escalations.Single(e => e.Kind == "contact-details").ContactJson);
    }

    [Fact]
    public async Task ConcurrentTurnsOnBothInstancesRetryOnFreshStateAndLoseNoUpdate()
    {
        var conversation = NewConversation();
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(bots.B, conversation, "What is ketamine therapy?")).StatusCode);
        // A's turn reads the state, then sends "typing" to a channel that holds it until B's turn has been saved.
        await using var held = await FakeConnector.StartAsync();
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        held.Script.Enqueue(async context =>
        {
            await release.Task;
            context.Response.StatusCode = 201;
            await context.Response.WriteAsJsonAsync(new { id = "typing-held" });
        });

        var onA = ConnectorMessages.PostAsync(bots.A.BaseUrl, held.ServiceUrl, conversation, "How is ketamine given?");
        await Eventually.TrueAsync(() => !held.Requests.IsEmpty, "A's turn was under way");
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(bots.B, conversation, "Is ketamine addictive?")).StatusCode);
        release.SetResult();
        Assert.Equal(HttpStatusCode.OK, (await onA).StatusCode);

        var store = bots.OpenStore();
        var state = State((await store.GetAsync(conversation))!);
        Assert.Equal(3, state.Turns);
        var users = (await store.GetTranscriptAsync(conversation, 100)).Where(t => t.Role == TranscriptRole.User).Select(t => t.Text).ToList();
        Assert.Equal(["What is ketamine therapy?", "Is ketamine addictive?", "How is ketamine given?"], users);
        Assert.Contains("running it again on fresh state", bots.A.Output);
    }

    [Fact]
    public async Task BothInstancesDispatchYetEachAlertIsDeliveredOnce()
    {
        var conversations = Enumerable.Range(0, 16).Select(_ => NewConversation()).ToList();

        var posts = conversations.Select((c, i) => PostAsync(i % 2 == 0 ? bots.A : bots.B, c, "I want to talk to a person"));
        Assert.All(await Task.WhenAll(posts), r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));

        var store = bots.OpenStore();
        var ids = (await store.ListEscalationsAsync(null, 500)).Where(e => conversations.Contains(e.ConversationId)).Select(e => e.Id).ToList();
        Assert.Equal(conversations.Count, ids.Count);
        await Eventually.TrueAsync(async () =>
        {
            foreach (var id in ids)
            {
                if ((await store.GetEscalationAsync(id))!.Deliveries.Any(d => d.Status != DeliveryStatus.Delivered))
                    return false;
            }
            return true;
        }, "every alert was delivered to both sinks");
        foreach (var id in ids)
        {
            Assert.All((await store.GetEscalationAsync(id))!.Deliveries, d => Assert.Equal(1, d.Attempts));
            Assert.Single(bots.Webhook.Requests, r => r.IdempotencyKey == id);
            Assert.Single(bots.Smtp.Messages, m => m.MessageId == $"{id}@clinic-bot");
        }
        Assert.Contains(ids, id => bots.A.Output.Contains($"Escalation {id} delivered to", StringComparison.Ordinal));
        Assert.Contains(ids, id => bots.B.Output.Contains($"Escalation {id} delivered to", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ATeamsResendThatReachesTheOtherInstanceIsAnsweredOnce()
    {
        var conversation = NewConversation();
        var activity = ConnectorMessages.Message(bots.Channel.ServiceUrl, conversation, "How is ketamine given?", channelId: "msteams");

        Assert.Equal(HttpStatusCode.OK, (await ConnectorMessages.PostAsync(bots.A.BaseUrl, activity)).StatusCode);
        var answered = Replies(conversation).Count;
        Assert.Equal(HttpStatusCode.OK, (await ConnectorMessages.PostAsync(bots.B.BaseUrl, activity)).StatusCode);

        Assert.Equal(answered, Replies(conversation).Count);
        var store = bots.OpenStore();
        Assert.Single(await store.GetTranscriptAsync(conversation, 100), t => t.Role == TranscriptRole.User);
        Assert.Equal(1, State((await store.GetAsync(conversation))!).Turns);
    }

    [Fact]
    public async Task ASimultaneousResendToBothInstancesRunsOneTurn()
    {
        var conversation = NewConversation();
        var activity = ConnectorMessages.Message(bots.Channel.ServiceUrl, conversation, "Is ketamine addictive?", channelId: "msteams");

        var responses = await Task.WhenAll(ConnectorMessages.PostAsync(bots.A.BaseUrl, activity), ConnectorMessages.PostAsync(bots.B.BaseUrl, activity));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        var store = bots.OpenStore();
        Assert.Single(await store.GetTranscriptAsync(conversation, 100), t => t.Role == TranscriptRole.User);
        Assert.Equal(1, State((await store.GetAsync(conversation))!).Turns);
    }

    private static string NewConversation() => "conv-" + Guid.NewGuid().ToString("N")[..16];

    private Task<HttpResponseMessage> PostAsync(BotProcess bot, string conversation, string text) =>
        ConnectorMessages.PostAsync(bot.BaseUrl, bots.Channel.ServiceUrl, conversation, text);

    private List<string> Replies(string conversation) => ConnectorMessages.Replies(bots.Channel, conversation);

    private static ConversationState State(StoredConversation stored) => JsonSerializer.Deserialize<ConversationState>(stored.StateJson)!;
}
