using System.Text.Json;
using Clinic.Bot.DirectLine;
using Clinic.Bot.Protocol;
using Microsoft.Extensions.Options;

namespace Clinic.Bot.Tests.DirectLine;

/// <summary>The log stays bounded however long a conversation runs, and idle conversations go away.</summary>
public sealed class InMemoryConversationStoreTests
{
    private readonly ManualTimeProvider _clock = new();

    private InMemoryConversationStore NewStore(Action<DirectLineOptions>? configure = null)
    {
        var options = new DirectLineOptions();
        configure?.Invoke(options);
        return new InMemoryConversationStore(Options.Create(options), _clock);
    }

    private static Activity Message(string text, string from = "dl_user") =>
        new() { Type = ActivityTypes.Message, Text = text, From = new ChannelAccount { Id = from } };

    [Fact]
    public async Task LogKeepsOnlyTheNewestActivitiesOverManyTurns()
    {
        var store = NewStore(o => o.MaxActivitiesPerConversation = 50);
        await store.CreateAsync("c", default);

        for (var i = 1; i <= 1000; i++)
        {
            await store.AppendAsync("c", Message("turn " + i), default);
        }

        var page = (await store.ReadAsync("c", 0, default))!;
        Assert.Equal(50, page.Activities.Count);
        Assert.Equal(1000, page.Watermark);
        Assert.Equal("c|0000951", page.Activities[0].Id);
        Assert.Contains("turn 1000", System.Text.Encoding.UTF8.GetString(page.Activities[^1].Json.Span));
    }

    [Fact]
    public async Task LogKeepsUnderItsByteBudget()
    {
        var store = NewStore(o => o.MaxConversationBytes = 10_000);
        await store.CreateAsync("c", default);

        for (var i = 0; i < 100; i++)
        {
            await store.AppendAsync("c", Message(new string('x', 1000)), default);
        }

        var page = (await store.ReadAsync("c", 0, default))!;
        Assert.InRange(page.Activities.Sum(a => a.Json.Length), 1, 10_000);
    }

    [Fact]
    public async Task OnlyTheLatestTypingOfEachSenderIsKept()
    {
        var store = NewStore();
        await store.CreateAsync("c", default);

        for (var i = 0; i < 10; i++)
        {
            await store.AppendAsync("c", new Activity { Type = ActivityTypes.Typing, From = new ChannelAccount { Id = "bot" } }, default);
        }
        await store.AppendAsync("c", Message("answer", from: "bot"), default);

        var page = (await store.ReadAsync("c", 0, default))!;
        Assert.Equal(2, page.Activities.Count);
        Assert.Equal(11, page.Watermark);
    }

    [Fact]
    public async Task ReadingAfterAWatermarkGivesTheNewerActivitiesInOrder()
    {
        var store = NewStore(o => o.MaxActivitiesPerConversation = 20);
        await store.CreateAsync("c", default);
        for (var i = 1; i <= 30; i++)
            await store.AppendAsync("c", Message("turn " + i), default);

        Assert.Equal(["c|0000028", "c|0000029", "c|0000030"], (await store.ReadAsync("c", 27, default))!.Activities.Select(a => a.Id));
        Assert.Empty((await store.ReadAsync("c", 30, default))!.Activities);
        Assert.Equal(20, (await store.ReadAsync("c", 3, default))!.Activities.Count); // older ones were trimmed
    }

    [Fact]
    public async Task ATypingIndicatorTrimmedOffTheLogIsNotRemovedTwice()
    {
        var store = NewStore(o => o.MaxActivitiesPerConversation = 3);
        await store.CreateAsync("c", default);
        await store.AppendAsync("c", new Activity { Type = ActivityTypes.Typing, From = new ChannelAccount { Id = "bot" } }, default);
        for (var i = 1; i <= 3; i++)
            await store.AppendAsync("c", Message("turn " + i), default);

        await store.AppendAsync("c", new Activity { Type = ActivityTypes.Typing, From = new ChannelAccount { Id = "bot" } }, default);

        var page = (await store.ReadAsync("c", 0, default))!;
        Assert.Equal([ActivityTypes.Message, ActivityTypes.Message, ActivityTypes.Typing], page.Activities.Select(a => a.Type));
    }

    [Fact]
    public async Task ActivitiesAreStoredAsTheWireJsonWithoutNulls()
    {
        var store = NewStore();
        await store.CreateAsync("c", default);

        var stored = (await store.AppendAsync("c", Message("hi"), default))!;

        using var json = JsonDocument.Parse(stored.Json);
        Assert.Equal("c|0000001", json.RootElement.GetProperty("id").GetString());
        Assert.Equal("hi", json.RootElement.GetProperty("text").GetString());
        Assert.False(json.RootElement.TryGetProperty("replyToId", out _));
    }

    [Fact]
    public async Task IdleConversationsAreRemovedAndTouchedOnesKept()
    {
        var store = NewStore(o => o.ConversationIdleTimeout = TimeSpan.FromMinutes(30));
        await store.CreateAsync("idle", default);
        await store.CreateAsync("busy", default);

        _clock.Advance(TimeSpan.FromMinutes(20));
        await store.TouchAsync("busy", default);
        _clock.Advance(TimeSpan.FromMinutes(15));
        var removed = await store.RemoveIdleAsync(default);

        Assert.Equal(1, removed);
        Assert.Null(await store.ReadAsync("idle", 0, default));
        Assert.NotNull(await store.ReadAsync("busy", 0, default));
        Assert.Equal(1, store.Count);
    }

    [Fact]
    public async Task AnExpiredConversationIsGoneEvenBeforeTheSweep()
    {
        var store = NewStore(o => o.ConversationIdleTimeout = TimeSpan.FromMinutes(30));
        await store.CreateAsync("c", default);

        _clock.Advance(TimeSpan.FromMinutes(31));

        Assert.Null(await store.AppendAsync("c", Message("late"), default));
        Assert.Equal(0, store.Count);
    }

    [Fact]
    public async Task AFullStoreRefusesNewConversationsUntilIdleOnesExpire()
    {
        var store = NewStore(o => o.MaxConversations = 2);
        await store.CreateAsync("a", default);
        await store.CreateAsync("b", default);

        var whenFull = await store.CreateAsync("c", default);
        _clock.Advance(TimeSpan.FromHours(1));
        var afterExpiry = await store.CreateAsync("c", default);

        Assert.Equal(ConversationCreateResult.AtCapacity, whenFull);
        Assert.Equal(ConversationCreateResult.Created, afterExpiry);
        Assert.Equal(1, store.Count);
    }

    [Fact]
    public async Task MemoryStaysFlatOverManyConversationsThatComeAndGo()
    {
        var store = NewStore(o => o.MaxActivitiesPerConversation = 20);
        for (var round = 0; round < 20; round++)
        {
            for (var c = 0; c < 100; c++)
            {
                var id = $"r{round}c{c}";
                await store.CreateAsync(id, default);
                for (var i = 0; i < 30; i++)
                {
                    await store.AppendAsync(id, Message("message " + i), default);
                }
            }
            Assert.Equal(100, store.Count);
            _clock.Advance(TimeSpan.FromHours(1));
            Assert.Equal(100, await store.RemoveIdleAsync(default));
        }

        Assert.Equal(0, store.Count);
    }

    [Fact]
    public async Task WaitingCompletesOnTheNextAppendAndEndsFalseWhenTheConversationGoes()
    {
        var store = NewStore();
        await store.CreateAsync("c", default);

        var waiting = store.WaitForActivityAsync("c", 0, default);
        Assert.False(waiting.IsCompleted);
        await store.AppendAsync("c", Message("hi"), default);
        Assert.True(await waiting);

        var waitingForMore = store.WaitForActivityAsync("c", 1, default);
        _clock.Advance(TimeSpan.FromHours(1));
        await store.RemoveIdleAsync(default);
        Assert.False(await waitingForMore);
    }

    [Fact]
    public async Task ReplacingAnUnknownActivityChangesNothing()
    {
        var store = NewStore();
        await store.CreateAsync("c", default);

        var replaced = await store.ReplaceAsync("c", new Activity { Id = "c|0000009", Type = ActivityTypes.Message, Text = "x" }, default);

        Assert.Null(replaced);
        Assert.Empty((await store.ReadAsync("c", 0, default))!.Activities);
    }
}
