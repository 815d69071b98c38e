using System.Net;
using Clinic.Bot.DirectLine;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Clinic.Bot.Tests.DirectLine;

/// <summary>Token expiry, refresh and signing keys; each test has its own app because the clock moves.</summary>
public sealed class DirectLineTokenLifetimeTests
{
    private static readonly string SharedKey = Convert.ToBase64String(Enumerable.Range(1, 48).Select(i => (byte)i).ToArray());

    [Fact]
    public async Task ExpiredTokenIsForbiddenAndCannotBeRefreshed()
    {
        await using var host = await ChatTestHost.StartAsync();
        var conversation = await host.DirectLine.StartAsync();

        host.Clock.Advance(TimeSpan.FromMinutes(30) + TimeSpan.FromSeconds(1));
        var read = await host.DirectLine.SendAsync(HttpMethod.Get, $"/v3/directline/conversations/{conversation.ConversationId}/activities", conversation.Token);
        var refresh = await host.DirectLine.SendAsync(HttpMethod.Post, "/v3/directline/tokens/refresh", conversation.Token);

        Assert.Equal(HttpStatusCode.Forbidden, read.Status);
        Assert.Equal("TokenExpired", read.Json.GetProperty("error").GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, refresh.Status);
    }

    [Fact]
    public async Task RefreshGivesANewTokenForTheSameConversationThatOutlivesTheOld()
    {
        // Idle expiry is not what this test is about.
        await using var host = await ChatTestHost.StartAsync(new Dictionary<string, string?> { ["DirectLine:ConversationIdleTimeout"] = "02:00:00" });
        var conversation = await host.DirectLine.StartAsync();
        host.Clock.Advance(TimeSpan.FromMinutes(15));

        var refreshed = await host.DirectLine.SendAsync(HttpMethod.Post, "/v3/directline/tokens/refresh", conversation.Token);

        Assert.Equal(HttpStatusCode.OK, refreshed.Status);
        Assert.Equal(conversation.ConversationId, refreshed.Json.GetProperty("conversationId").GetString());
        Assert.Equal(1800, refreshed.Json.GetProperty("expires_in").GetInt32());
        var newToken = refreshed.Json.GetProperty("token").GetString()!;
        Assert.NotEqual(conversation.Token, newToken);

        host.Clock.Advance(TimeSpan.FromMinutes(20));
        var withOld = await host.DirectLine.SendAsync(HttpMethod.Get, $"/v3/directline/conversations/{conversation.ConversationId}/activities", conversation.Token);
        var withNew = await host.DirectLine.SendAsync(HttpMethod.Get, $"/v3/directline/conversations/{conversation.ConversationId}/activities", newToken);
        Assert.Equal(HttpStatusCode.Forbidden, withOld.Status);
        Assert.Equal(HttpStatusCode.OK, withNew.Status);
    }

    [Fact]
    public async Task TokenSignedByAnotherInstanceWithAnotherKeyIsForbidden()
    {
        await using var ours = await ChatTestHost.StartAsync();
        await using var stranger = await ChatTestHost.StartAsync();
        var theirToken = (await stranger.DirectLine.GetWebsiteTokenAsync()).GetProperty("token").GetString();

        var reply = await ours.DirectLine.SendAsync(HttpMethod.Post, "/v3/directline/conversations", theirToken);

        Assert.Equal(HttpStatusCode.Forbidden, reply.Status);
        Assert.Equal("TokenInvalid", reply.Json.GetProperty("error").GetProperty("code").GetString());
    }

    [Fact]
    public async Task InstancesSharingTheSigningKeyAcceptEachOthersTokens()
    {
        var settings = new Dictionary<string, string?> { ["DirectLine:TokenSigningKey"] = SharedKey };
        await using var first = await ChatTestHost.StartAsync(settings);
        await using var second = await ChatTestHost.StartAsync(settings);
        var conversation = await first.DirectLine.StartAsync();

        var refreshed = await second.DirectLine.SendAsync(HttpMethod.Post, "/v3/directline/tokens/refresh", conversation.Token);
        // The token is good on the second instance, but the in-memory log lives on the first: not found, not forbidden.
        var read = await second.DirectLine.SendAsync(HttpMethod.Get, $"/v3/directline/conversations/{conversation.ConversationId}/activities", conversation.Token);

        Assert.Equal(HttpStatusCode.OK, refreshed.Status);
        Assert.Equal(HttpStatusCode.NotFound, read.Status);
        Assert.DoesNotContain(first.Logs.Entries, e => e.Message.Contains("TokenSigningKey is not set"));
    }

    [Fact]
    public async Task WithoutASigningKeyTheAppWarnsAtStartUp()
    {
        await using var host = await ChatTestHost.StartAsync();

        Assert.Contains(host.Logs.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("DirectLine:TokenSigningKey is not set"));
    }

    [Theory]
    [InlineData("not base64!")]
    [InlineData("c2hvcnQ=")]
    public async Task AnInvalidSigningKeyStopsTheAppWithAClearMessage(string key)
    {
        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() =>
            ChatTestHost.StartAsync(new Dictionary<string, string?> { ["DirectLine:TokenSigningKey"] = key }));

        Assert.Contains("DirectLine:TokenSigningKey must be base64 of at least 32", failure.Message);
    }

    [Fact]
    public async Task IdleConversationsAreForgotten()
    {
        await using var host = await ChatTestHost.StartAsync();
        var conversation = await host.DirectLine.StartAsync();
        var refreshed = await host.DirectLine.SendAsync(HttpMethod.Post, "/v3/directline/tokens/refresh", conversation.Token);
        host.Clock.Advance(TimeSpan.FromMinutes(29));
        refreshed = await host.DirectLine.SendAsync(HttpMethod.Post, "/v3/directline/tokens/refresh", refreshed.Json.GetProperty("token").GetString());

        host.Clock.Advance(TimeSpan.FromMinutes(2));
        var removed = await host.App.Services.GetRequiredService<IConversationStore>().RemoveIdleAsync(CancellationToken.None);
        var read = await host.DirectLine.SendAsync(HttpMethod.Get,
            $"/v3/directline/conversations/{conversation.ConversationId}/activities", refreshed.Json.GetProperty("token").GetString());

        Assert.Equal(1, removed);
        Assert.Equal(HttpStatusCode.NotFound, read.Status);
    }
}
