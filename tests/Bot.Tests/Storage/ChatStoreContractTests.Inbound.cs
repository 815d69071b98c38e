namespace Clinic.Bot.Tests.Storage;

public abstract partial class ChatStoreContractTests
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(10);

    [Fact]
    public async Task FirstClaimOfAnActivityWinsAndARepeatWithinTheWindowLoses()
    {
        Assert.True(await Store.TryClaimInboundAsync("key-1", T0, T0 + Window));

        Assert.False(await Store.TryClaimInboundAsync("key-1", T0.AddSeconds(15), T0.AddSeconds(15) + Window));
        Assert.True(await Store.TryClaimInboundAsync("key-2", T0.AddSeconds(15), T0.AddSeconds(15) + Window));
    }

    [Fact]
    public async Task AnotherInstanceSeesTheClaim()
    {
        var other = await OpenAnotherStoreAsync();
        Assert.True(await Store.TryClaimInboundAsync("key-1", T0, T0 + Window));

        Assert.False(await other.TryClaimInboundAsync("key-1", T0.AddSeconds(15), T0.AddSeconds(15) + Window));
    }

    [Fact]
    public async Task InstancesRacingForOneActivityLetExactlyOneIn()
    {
        var stores = new[] { Store, await OpenAnotherStoreAsync(), await OpenAnotherStoreAsync() };

        var results = await Task.WhenAll(Enumerable.Range(0, 12).Select(i => Task.Run(() => stores[i % 3].TryClaimInboundAsync("key-race", T0, T0 + Window))));

        Assert.Single(results, won => won);
    }

    [Fact]
    public async Task AnExpiredClaimCanBeTakenAgainOnce()
    {
        Assert.True(await Store.TryClaimInboundAsync("key-1", T0, T0 + Window));
        var later = T0 + Window;

        Assert.True(await Store.TryClaimInboundAsync("key-1", later, later + Window));
        Assert.False(await Store.TryClaimInboundAsync("key-1", later, later + Window));
    }

    [Fact]
    public async Task AReleasedClaimCanBeTakenAgain()
    {
        Assert.True(await Store.TryClaimInboundAsync("key-1", T0, T0 + Window));

        await Store.ReleaseInboundAsync("key-1");

        Assert.True(await Store.TryClaimInboundAsync("key-1", T0.AddSeconds(1), T0.AddSeconds(1) + Window));
    }

    [Fact]
    public async Task ExtendingClaimsMovesTheirExpiryAndLeavesOthersAlone()
    {
        await Store.TryClaimInboundAsync("key-1", T0, T0.AddSeconds(10));
        await Store.TryClaimInboundAsync("key-2", T0, T0.AddSeconds(10));
        await Store.TryClaimInboundAsync("key-3", T0, T0.AddSeconds(10));

        await Store.ExtendInboundAsync(["key-1", "key-2"], T0 + Window);

        var later = T0.AddMinutes(5);
        Assert.False(await Store.TryClaimInboundAsync("key-1", later, later + Window));
        Assert.False(await Store.TryClaimInboundAsync("key-2", later, later + Window));
        Assert.True(await Store.TryClaimInboundAsync("key-3", later, later + Window));
    }

    [Fact]
    public async Task SweepDeletesOnlyExpiredClaims()
    {
        await Store.TryClaimInboundAsync("old", T0, T0.AddMinutes(1));
        await Store.TryClaimInboundAsync("new", T0, T0.AddMinutes(20));

        Assert.Equal(1, await Store.SweepInboundAsync(T0.AddMinutes(5)));

        Assert.False(await Store.TryClaimInboundAsync("new", T0.AddMinutes(5), T0.AddMinutes(15)));
        Assert.True(await Store.TryClaimInboundAsync("old", T0.AddMinutes(5), T0.AddMinutes(15)));
    }
}
