using System.Net;
using Clinic.Bot.DirectLine;
using Clinic.Bot.Protocol;
using Microsoft.Extensions.DependencyInjection;

namespace Clinic.Bot.Tests.DirectLine;

/// <summary>How the channel runs bot turns: greeting, order, back-pressure, failures, updates.</summary>
public sealed class DirectLineTurnTests
{
    private static Task<ChatTestHost> StartWithAsync(ScriptedBot bot, IDictionary<string, string?>? settings = null) =>
        ChatTestHost.StartAsync(settings, services => services.AddSingleton<IDirectLineBot>(bot));

    [Fact]
    public async Task StartingAConversationTellsTheBotThatTheBotAndTheVisitorJoined()
    {
        var bot = new ScriptedBot((_, _, _) => Task.CompletedTask);
        await using var host = await StartWithAsync(bot);

        var conversation = await host.DirectLine.StartAsync();
        await host.App.Services.GetRequiredService<ConversationTurnQueue>().WhenIdleAsync(conversation.ConversationId);

        var update = Assert.Single(bot.Turns);
        Assert.Equal(ActivityTypes.ConversationUpdate, update.Type);
        Assert.Equal(conversation.ConversationId, update.Conversation?.Id);
        var members = update.MembersAdded!.Select(m => m.Id).ToList();
        Assert.Equal(2, members.Count);
        Assert.Contains("clinic-bot", members);
        Assert.Contains(members, id => id!.StartsWith("dl_", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AGreetingSentOnConversationUpdateReachesTheVisitor()
    {
        var bot = new ScriptedBot((activity, sender, ct) => activity.Type == ActivityTypes.ConversationUpdate
            ? sender.SendAsync(new Activity { Text = "Welcome! Ask me anything about treatment." }, ct)
            : Task.CompletedTask);
        await using var host = await StartWithAsync(bot);

        var conversation = await host.DirectLine.StartAsync();

        var greeting = await host.DirectLine.WaitForActivityAsync(conversation, a => a.GetProperty("type").GetString() == "message");
        Assert.Equal("Welcome! Ask me anything about treatment.", greeting.GetProperty("text").GetString());
        Assert.Equal("bot", greeting.GetProperty("from").GetProperty("role").GetString());
    }

    [Fact]
    public async Task StartingTheSameConversationTwiceGreetsOnce()
    {
        var bot = new ScriptedBot((_, _, _) => Task.CompletedTask);
        await using var host = await StartWithAsync(bot);
        var conversation = await host.DirectLine.StartAsync();

        await host.DirectLine.SendAsync(HttpMethod.Post, "/v3/directline/conversations", conversation.Token);
        await host.App.Services.GetRequiredService<ConversationTurnQueue>().WhenIdleAsync(conversation.ConversationId);

        Assert.Single(bot.Turns, t => t.Type == ActivityTypes.ConversationUpdate);
    }

    [Fact]
    public async Task TheBotSeesTheVisitorAsTheTokenSaysNotAsTheClientClaims()
    {
        var bot = new ScriptedBot((_, _, _) => Task.CompletedTask);
        await using var host = await StartWithAsync(bot);
        var conversation = await host.DirectLine.StartAsync();

        await host.DirectLine.SendAsync(HttpMethod.Post, $"/v3/directline/conversations/{conversation.ConversationId}/activities", conversation.Token,
            """{"type":"message","text":"hi","from":{"id":"clinic-bot","role":"bot"},"replyToId":"x","conversation":{"id":"other"}}""");
        await host.App.Services.GetRequiredService<ConversationTurnQueue>().WhenIdleAsync(conversation.ConversationId);

        var message = bot.Turns.Single(t => t.Type == ActivityTypes.Message);
        Assert.StartsWith("dl_", message.From!.Id);
        Assert.Equal("user", message.From.Role);
        Assert.Equal(conversation.ConversationId, message.Conversation!.Id);
        Assert.Equal("clinic-bot", message.Recipient!.Id);
        Assert.Null(message.ReplyToId);
        Assert.StartsWith(conversation.ConversationId + "|", message.Id);
    }

    [Fact]
    public async Task TurnsRunOneAtATimeInOrderAndExtraPostsAreTurnedAwayWith429()
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var running = 0;
        var maxRunning = 0;
        var bot = new ScriptedBot(async (activity, sender, ct) =>
        {
            if (activity.Type != ActivityTypes.Message)
            {
                return;
            }
            var now = Interlocked.Increment(ref running);
            InterlockedMax(ref maxRunning, now);
            await gate.Task.WaitAsync(ct);
            await ScriptedBot.ReplyAsync(sender, activity, "answer to " + activity.Text, ct);
            Interlocked.Decrement(ref running);
        });
        await using var host = await StartWithAsync(bot);
        var conversation = await host.DirectLine.StartAsync();
        await host.App.Services.GetRequiredService<ConversationTurnQueue>().WhenIdleAsync(conversation.ConversationId);

        var ids = new List<string>();
        for (var i = 1; i <= 3; i++)
        {
            ids.Add(await host.DirectLine.PostMessageAsync(conversation, "q" + i));
        }
        var refused = await host.DirectLine.SendAsync(HttpMethod.Post, $"/v3/directline/conversations/{conversation.ConversationId}/activities",
            conversation.Token, """{"type":"message","text":"q4"}""");
        gate.SetResult();
        await host.App.Services.GetRequiredService<ConversationTurnQueue>().WhenIdleAsync(conversation.ConversationId);

        Assert.Equal((HttpStatusCode)429, refused.Status);
        Assert.NotNull(refused.Response.Headers.RetryAfter);
        Assert.Equal(1, maxRunning);
        var log = (await host.DirectLine.GetActivitiesAsync(conversation)).GetProperty("activities").EnumerateArray().ToList();
        var replies = log.Where(a => a.GetProperty("from").GetProperty("role").GetString() == "bot" && a.GetProperty("type").GetString() == "message")
            .Select(a => a.GetProperty("text").GetString()).ToList();
        Assert.Equal(["answer to q1", "answer to q2", "answer to q3"], replies);
        Assert.DoesNotContain(log, a => a.TryGetProperty("text", out var t) && t.GetString() == "q4");
    }

    [Fact]
    public async Task WhenTheBotFailsTheVisitorIsToldSomethingWentWrong()
    {
        var bot = new ScriptedBot((activity, _, _) => activity.Type == ActivityTypes.Message
            ? throw new InvalidOperationException("the knowledge base is down")
            : Task.CompletedTask);
        await using var host = await StartWithAsync(bot);
        var conversation = await host.DirectLine.StartAsync();

        var id = await host.DirectLine.PostMessageAsync(conversation, "hello?");

        var apology = await host.DirectLine.WaitForActivityAsync(conversation, a => DirectLineClient.IsBotReplyTo(a, id));
        Assert.StartsWith("Sorry, something went wrong", apology.GetProperty("text").GetString());
        Assert.Contains(host.Logs.Entries, e => e.Level == Microsoft.Extensions.Logging.LogLevel.Error && e.Message.Contains(conversation.ConversationId));
    }

    [Fact]
    public async Task ATurnThatRunsPastTheTimeoutIsCancelledAndTheVisitorIsTold()
    {
        var bot = new ScriptedBot((activity, _, ct) => activity.Type == ActivityTypes.Message
            ? Task.Delay(Timeout.Infinite, ct)
            : Task.CompletedTask);
        await using var host = await StartWithAsync(bot, new Dictionary<string, string?> { ["DirectLine:TurnTimeout"] = "00:00:00.2" });
        var conversation = await host.DirectLine.StartAsync();

        var id = await host.DirectLine.PostMessageAsync(conversation, "slow question");

        var apology = await host.DirectLine.WaitForActivityAsync(conversation, a => DirectLineClient.IsBotReplyTo(a, id));
        Assert.StartsWith("Sorry, something went wrong", apology.GetProperty("text").GetString());
    }

    [Fact]
    public async Task AnUpdatedActivityReplacesTheOriginalInTheLog()
    {
        var bot = new ScriptedBot(async (activity, sender, ct) =>
        {
            if (activity.Type != ActivityTypes.Message)
            {
                return;
            }
            var id = await ScriptedBot.ReplyAsync(sender, activity, "draft", ct);
            await sender.UpdateAsync(new Activity { Id = id, Type = ActivityTypes.Message, Text = "final", ReplyToId = activity.Id }, ct);
        });
        await using var host = await StartWithAsync(bot);
        var conversation = await host.DirectLine.StartAsync();

        var id = await host.DirectLine.PostMessageAsync(conversation, "q");
        await host.App.Services.GetRequiredService<ConversationTurnQueue>().WhenIdleAsync(conversation.ConversationId);

        var replies = (await host.DirectLine.GetActivitiesAsync(conversation)).GetProperty("activities").EnumerateArray()
            .Where(a => DirectLineClient.IsBotReplyTo(a, id)).ToList();
        var reply = Assert.Single(replies);
        Assert.Equal("final", reply.GetProperty("text").GetString());
    }

    [Fact]
    public async Task FeedbackEventsReachTheBotWithTheirValue()
    {
        var bot = new ScriptedBot((_, _, _) => Task.CompletedTask);
        await using var host = await StartWithAsync(bot);
        var conversation = await host.DirectLine.StartAsync();

        await host.DirectLine.SendAsync(HttpMethod.Post, $"/v3/directline/conversations/{conversation.ConversationId}/activities", conversation.Token,
            """{"type":"event","name":"feedback","value":{"answerId":"ans-7","rating":"down"}}""");
        await host.App.Services.GetRequiredService<ConversationTurnQueue>().WhenIdleAsync(conversation.ConversationId);

        var feedback = bot.Turns.Single(t => t.Type == ActivityTypes.Event);
        Assert.Equal("feedback", feedback.Name);
        Assert.Equal("ans-7", feedback.Value!.Value.GetProperty("answerId").GetString());
        Assert.Equal("down", feedback.Value!.Value.GetProperty("rating").GetString());
    }

    [Fact]
    public async Task WhenTheStoreIsFullNewConversationsAreAskedToComeBackLater()
    {
        var bot = new ScriptedBot((_, _, _) => Task.CompletedTask);
        await using var host = await StartWithAsync(bot, new Dictionary<string, string?> { ["DirectLine:MaxConversations"] = "1" });
        await host.DirectLine.StartAsync();
        var website = await host.DirectLine.GetWebsiteTokenAsync();

        var refused = await host.DirectLine.SendAsync(HttpMethod.Post, "/v3/directline/conversations", website.GetProperty("token").GetString());

        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.Status);
        Assert.NotNull(refused.Response.Headers.RetryAfter);
        Assert.Equal("ServiceUnavailable", refused.Json.GetProperty("error").GetProperty("code").GetString());
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int current;
        while ((current = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, current) != current)
        {
        }
    }
}
