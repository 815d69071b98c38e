using System.Net;
using System.Text.Json;
using Clinic.Bot.Protocol;

namespace Clinic.Bot.Tests.Protocol;

/// <summary>The whole path: Bot Connector token in, turn, reply out to the connector with the bot's own token.</summary>
public sealed class AuthenticatedTurnTests : IAsyncLifetime
{
    private FakeOpenIdServer _openId = null!;
    private FakeConnector _connector = null!;
    private BotTestHost _bot = null!;

    public async Task InitializeAsync()
    {
        _openId = await FakeOpenIdServer.StartAsync();
        _connector = await FakeConnector.StartAsync();
        _bot = await BotTestHost.StartAsync(_openId);
    }

    public async Task DisposeAsync()
    {
        await _bot.DisposeAsync();
        await _connector.DisposeAsync();
        await _openId.DisposeAsync();
    }

    [Fact]
    public async Task AChannelPostMentioningTheBotIsAnsweredInItsThread()
    {
        string? cleaned = null;
        _bot.Handler.Behaviour = async (activity, sender, ct) =>
        {
            cleaned = TeamsActivity.RemoveBotMention(activity);
            await sender.SendAsync(activity.CreateReply("Please call the clinic to discuss medication."), ct);
            return null;
        };
        var post = JsonSerializer.Serialize(new
        {
            type = "message",
            id = "1712345678901",
            serviceUrl = _connector.ServiceUrl,
            channelId = "msteams",
            from = new { id = "29:user-1", name = "Pat" },
            recipient = new { id = "28:bot", name = "Clinic Bot" },
            conversation = new { id = "19:team-general@thread.tacv2;messageid=1712345678901", conversationType = "channel", isGroup = true, tenantId = "t1" },
            text = "<at>Clinic Bot</at> can I take my usual meds?",
            entities = new object[] { new { type = "mention", text = "<at>Clinic Bot</at>", mentioned = new { id = "28:bot", name = "Clinic Bot" } } },
            channelData = new { teamsChannelId = "19:team-general@thread.tacv2", tenant = new { id = "t1" } },
        });
        var token = TestTokens.Create(_openId.ChannelKey, FakeOpenIdServer.BotConnectorIssuer, BotTestHost.AppId, new Dictionary<string, object> { ["serviceurl"] = _connector.ServiceUrl });

        using var response = await _bot.PostAsync(post, token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("can I take my usual meds?", cleaned);
        var reply = Assert.Single(_connector.Requests);
        Assert.Equal("/amer/v3/conversations/19%3Ateam-general%40thread.tacv2%3Bmessageid%3D1712345678901/activities/1712345678901", reply.RawTarget);
        Assert.Equal("Bearer token-1", reply.Authorization);
        var body = JsonDocument.Parse(reply.Body).RootElement;
        Assert.Equal("1712345678901", body.GetProperty("replyToId").GetString());
        Assert.Equal("Please call the clinic to discuss medication.", body.GetProperty("text").GetString());
    }

    [Fact]
    public async Task AReplyThatCannotBeDeliveredFailsTheTurnWithoutLeakingDetail()
    {
        _connector.Script.Enqueue(FakeConnector.Status(500));
        _bot.Handler.Behaviour = async (activity, sender, ct) =>
        {
            await sender.SendAsync(activity.CreateReply("answer"), ct);
            return null;
        };
        var token = TestTokens.Create(_openId.ChannelKey, FakeOpenIdServer.BotConnectorIssuer, BotTestHost.AppId, new Dictionary<string, object> { ["serviceurl"] = _connector.ServiceUrl });

        using var response = await _bot.PostAsync(TestActivities.Message(_connector.ServiceUrl), token);

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal(string.Empty, await response.Content.ReadAsStringAsync());
        Assert.Single(_connector.Requests);
        Assert.Contains("ConnectorException", _bot.Logs.All, StringComparison.Ordinal);
    }
}
