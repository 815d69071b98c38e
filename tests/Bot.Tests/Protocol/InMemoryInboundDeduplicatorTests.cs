using Clinic.Bot.Protocol;
using Clinic.Bot.Protocol.Hosting;
using Microsoft.Extensions.Options;

namespace Clinic.Bot.Tests.Protocol;

public class InMemoryInboundDeduplicatorTests
{
    private readonly ManualTimeProvider _time = new(new DateTimeOffset(2025, 5, 1, 10, 0, 0, TimeSpan.Zero));
    private readonly InMemoryInboundDeduplicator _deduplicator;

    public InMemoryInboundDeduplicatorTests() =>
        _deduplicator = new(Options.Create(new BotOptions { DeduplicationWindow = TimeSpan.FromMinutes(10) }), _time);

    [Fact]
    public async Task TheFirstDeliveryIsClaimedAndARepeatIsNot()
    {
        Assert.True(await _deduplicator.TryClaimAsync("k", CancellationToken.None));
        Assert.False(await _deduplicator.TryClaimAsync("k", CancellationToken.None));
        Assert.True(await _deduplicator.TryClaimAsync("other", CancellationToken.None));
    }

    [Fact]
    public async Task AnActivityCanBeProcessedAgainAfterTheWindow()
    {
        await _deduplicator.TryClaimAsync("k", CancellationToken.None);

        _time.Advance(TimeSpan.FromMinutes(9));
        Assert.False(await _deduplicator.TryClaimAsync("k", CancellationToken.None));
        _time.Advance(TimeSpan.FromMinutes(2));
        Assert.True(await _deduplicator.TryClaimAsync("k", CancellationToken.None));
    }

    [Fact]
    public async Task AReleasedClaimCanBeTakenAgain()
    {
        await _deduplicator.TryClaimAsync("k", CancellationToken.None);

        await _deduplicator.ReleaseAsync("k", CancellationToken.None);

        Assert.True(await _deduplicator.TryClaimAsync("k", CancellationToken.None));
    }

    [Fact]
    public async Task OnlyOneOfManySimultaneousDeliveriesWins()
    {
        var claims = await Task.WhenAll(Enumerable.Range(0, 64).Select(_ => Task.Run(async () => await _deduplicator.TryClaimAsync("same", CancellationToken.None))));

        Assert.Single(claims, c => c);
    }

    [Fact]
    public async Task ExpiredEntriesAreSweptAsNewOnesArrive()
    {
        for (var i = 0; i < 300; i++)
        {
            await _deduplicator.TryClaimAsync("old-" + i, CancellationToken.None);
        }

        _time.Advance(TimeSpan.FromMinutes(11));
        for (var i = 0; i < 300; i++)
        {
            await _deduplicator.TryClaimAsync("new-" + i, CancellationToken.None);
        }

        Assert.True(_deduplicator.Count < 600, $"{_deduplicator.Count} entries kept");
    }

    [Fact]
    public void KeysSeparateChannelsConversationsAndIdsAndNeedAnId()
    {
        Activity Make(string channel, string conversation, string? id) =>
            new() { Type = "message", ChannelId = channel, Conversation = new ConversationAccount { Id = conversation }, Id = id };

        var key = InboundActivityKey.For(Make("msteams", "c1", "1"));

        Assert.Equal(key, InboundActivityKey.For(Make("msteams", "c1", "1")));
        Assert.NotEqual(key, InboundActivityKey.For(Make("webchat", "c1", "1")));
        Assert.NotEqual(key, InboundActivityKey.For(Make("msteams", "c2", "1")));
        Assert.NotEqual(key, InboundActivityKey.For(Make("msteams", "c1", "2")));
        Assert.Equal(64, key!.Length);
        Assert.Null(InboundActivityKey.For(Make("msteams", "c1", null)));
    }
}
