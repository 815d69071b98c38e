using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Clinic.Bot.Protocol;
using Clinic.Bot.Protocol.Connector;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Clinic.Bot.Tests.Protocol;

/// <summary>Connector REST paths, escaping, tokens and the turn sender, against the fake connector.</summary>
public sealed class ConnectorClientTests : ConnectorTestBase
{
    [Fact]
    public async Task RepliesOnTheActivityPathWithEscapedIdsAndTheBotsToken()
    {
        var result = await Client.ReplyToActivityAsync(_connector.ServiceUrl, TeamsThread, "1712345678901", Reply(), CancellationToken.None);

        Assert.True(result.Succeeded);
        Assert.Equal("sent-1", result.ActivityId);
        Assert.Equal(1, result.Attempts);
        var request = Assert.Single(_connector.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/amer/v3/conversations/19%3Aabc%40thread.tacv2%3Bmessageid%3D1712345678901/activities/1712345678901", request.RawTarget);
        Assert.Equal("Bearer token-1", request.Authorization);
        Assert.Equal("application/json; charset=utf-8", request.ContentType);
        Assert.Equal("Fasting for 4 hours is recommended.", JsonDocument.Parse(request.Body).RootElement.GetProperty("text").GetString());
    }

    [Fact]
    public async Task KeepsEachIdInOnePathSegmentWhateverItContains()
    {
        await Client.ReplyToActivityAsync(_connector.ServiceUrl, "a/b?c#d%e f", "x/../y", Reply(), CancellationToken.None);

        Assert.Equal("/amer/v3/conversations/a%2Fb%3Fc%23d%25e%20f/activities/x%2F..%2Fy", Assert.Single(_connector.Requests).RawTarget);
    }

    [Fact]
    public async Task SendsANewMessageToTheConversation()
    {
        var result = await Client.SendToConversationAsync(_connector.ServiceUrl.TrimEnd('/'), "a:1personal", Reply(), CancellationToken.None);

        Assert.True(result.Succeeded);
        Assert.Equal("/amer/v3/conversations/a%3A1personal/activities", Assert.Single(_connector.Requests).RawTarget);
    }

    [Fact]
    public async Task UpdatesWithPutOnTheActivityPath()
    {
        var result = await Client.UpdateActivityAsync(_connector.ServiceUrl, "a:1personal", "act-9", Reply("updated"), CancellationToken.None);

        Assert.True(result.Succeeded);
        var request = Assert.Single(_connector.Requests);
        Assert.Equal("PUT", request.Method);
        Assert.Equal("/amer/v3/conversations/a%3A1personal/activities/act-9", request.RawTarget);
    }

    [Fact]
    public async Task CreatesAConversationForAProactiveMessage()
    {
        _connector.Script.Enqueue(context =>
        {
            context.Response.StatusCode = 201;
            return context.Response.WriteAsJsonAsync(new { id = "a:new-conversation", activityId = "act-1", serviceUrl = "https://smba.trafficmanager.net/amer/" });
        });
        var parameters = new ConversationParameters
        {
            Bot = new ChannelAccount { Id = "28:bot" },
            Members = [new ChannelAccount { Id = "29:user" }],
            TenantId = "tenant-1",
            Activity = Reply("Your appointment is tomorrow."),
        };

        var result = await Client.CreateConversationAsync(_connector.ServiceUrl, parameters, CancellationToken.None);

        Assert.True(result.Succeeded);
        Assert.Equal("a:new-conversation", result.ConversationId);
        Assert.Equal("act-1", result.ActivityId);
        Assert.Equal("https://smba.trafficmanager.net/amer/", result.ServiceUrl);
        var request = Assert.Single(_connector.Requests);
        Assert.Equal("/amer/v3/conversations", request.RawTarget);
        var body = JsonDocument.Parse(request.Body).RootElement;
        Assert.Equal("29:user", body.GetProperty("members")[0].GetProperty("id").GetString());
        Assert.Equal("tenant-1", body.GetProperty("tenantId").GetString());
        Assert.False(body.TryGetProperty("isGroup", out _));
    }

    [Theory]
    [InlineData("http://smba.trafficmanager.net/amer/")]
    [InlineData("https://user:secret@smba.trafficmanager.net/amer/")]
    [InlineData("ftp://127.0.0.1/")]
    [InlineData("https://smba.trafficmanager.net/amer/?x=1")]
    [InlineData("not a url")]
    [InlineData("")]
    public async Task RefusesToSendTheTokenToAnUntrustworthyServiceUrl(string serviceUrl)
    {
        var result = await Client.SendToConversationAsync(serviceUrl, "a:1", Reply(), CancellationToken.None);

        Assert.Equal(ConnectorFailure.InvalidRequest, result.Failure);
        Assert.Empty(_connector.Requests);
    }

    [Fact]
    public async Task RefusesEmptyIds()
    {
        Assert.Equal(ConnectorFailure.InvalidRequest, (await Client.SendToConversationAsync(_connector.ServiceUrl, "", Reply(), CancellationToken.None)).Failure);
        Assert.Equal(ConnectorFailure.InvalidRequest, (await Client.ReplyToActivityAsync(_connector.ServiceUrl, "a:1", "", Reply(), CancellationToken.None)).Failure);
        Assert.Empty(_connector.Requests);
    }

    [Fact]
    public async Task ReportsATokenFailureWithoutSending()
    {
        await using var services = Build(tokens: new FailingTokenProvider());

        var result = await services.GetRequiredService<ConnectorClient>().SendToConversationAsync(_connector.ServiceUrl, "a:1", Reply(), CancellationToken.None);

        Assert.Equal(ConnectorFailure.TokenUnavailable, result.Failure);
        Assert.Empty(_connector.Requests);
    }

    [Fact]
    public async Task TheTurnSenderAlwaysUsesTheInboundServiceUrl()
    {
        var inbound = new Activity
        {
            Type = "message",
            Id = "in-1",
            ServiceUrl = _connector.ServiceUrl,
            ChannelId = "msteams",
            From = new ChannelAccount { Id = "29:user" },
            Recipient = new ChannelAccount { Id = "28:bot" },
            Conversation = new ConversationAccount { Id = "19:general@thread.tacv2", ConversationType = "channel" },
        };
        var sender = new ConnectorActivitySender(Client, inbound);
        var reply = new Activity { Type = "message", Text = "hi", ReplyToId = "in-1", ServiceUrl = "https://attacker.example/" };

        var id = await sender.SendAsync(reply, CancellationToken.None);

        Assert.Equal("sent-1", id);
        Assert.Equal("/amer/v3/conversations/19%3Ageneral%40thread.tacv2%3Bmessageid%3Din-1/activities/in-1", Assert.Single(_connector.Requests).RawTarget);
        Assert.Equal(_connector.ServiceUrl, reply.ServiceUrl);
        Assert.Equal("28:bot", reply.From!.Id);
        Assert.Equal("29:user", reply.Recipient!.Id);
    }

    [Fact]
    public async Task TheTurnSenderThrowsWhenTheConnectorRefuses()
    {
        _connector.Script.Enqueue(FakeConnector.Status(500));
        var inbound = new Activity { Type = "message", ServiceUrl = _connector.ServiceUrl, Conversation = new ConversationAccount { Id = "a:1" } };
        var sender = new ConnectorActivitySender(Client, inbound);

        var error = await Assert.ThrowsAsync<ConnectorException>(() => sender.SendAsync(new Activity { Type = "message", Text = "x" }, CancellationToken.None));

        Assert.Equal(ConnectorFailure.ServerError, error.Result.Failure);
        await Assert.ThrowsAsync<ArgumentException>(() => sender.UpdateAsync(new Activity { Type = "message" }, CancellationToken.None));
    }
    private sealed class FailingTokenProvider : IBotTokenProvider
    {
        public Task<string?> GetTokenAsync(CancellationToken cancellationToken) => throw new HttpRequestException("login unreachable");

        public void Invalidate(string rejectedToken)
        {
        }
    }
}
