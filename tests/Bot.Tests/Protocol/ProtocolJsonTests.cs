using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Clinic.Bot.Protocol;

namespace Clinic.Bot.Tests.Protocol;

public class ProtocolJsonTests
{
    private const string TeamsMessage = """
        {
          "type": "message",
          "id": "1712345678901",
          "serviceUrl": "https://smba.trafficmanager.net/amer/",
          "channelId": "msteams",
          "from": { "id": "29:user", "name": "Pat", "aadObjectId": "a1", "userRole": "member" },
          "conversation": { "id": "19:abc@thread.tacv2;messageid=1712345678901", "conversationType": "channel", "tenantId": "t1", "isGroup": true },
          "recipient": { "id": "28:bot", "name": "Clinic Bot" },
          "text": "<at>Clinic Bot</at> hello",
          "textFormat": "plain",
          "locale": "en-GB",
          "localTimezone": "Europe/London",
          "attachments": [ { "contentType": "text/html", "content": "<div>hello</div>", "extraAttachmentField": 7 } ],
          "entities": [ { "type": "mention", "text": "<at>Clinic Bot</at>", "mentioned": { "id": "28:bot", "name": "Clinic Bot" } },
                        { "type": "clientInfo", "locale": "en-GB", "platform": "Web" } ],
          "channelData": { "tenant": { "id": "t1" }, "team": { "id": "19:team" }, "nested": { "a": [1, 2, { "b": null }] } },
          "unknownTopLevel": { "keep": ["me", 1, true] }
        }
        """;

    [Fact]
    public void RoundTripsEveryFieldItDoesNotModel()
    {
        var parsed = ProtocolJson.ParseActivity(Encoding.UTF8.GetBytes(TeamsMessage));

        Assert.True(parsed.Succeeded, parsed.Reason);
        var written = JsonNode.Parse(ProtocolJson.Serialize(parsed.Activity));
        var original = JsonNode.Parse(TeamsMessage);

        // Nulls are dropped on write; everything else, known or unknown, comes back the same.
        original!["channelData"]!["nested"]!["a"]![2]!.AsObject().Remove("b");
        written!["channelData"]!["nested"]!["a"]![2]!.AsObject().Remove("b");
        Assert.True(JsonNode.DeepEquals(original, written), written.ToJsonString());
    }

    [Fact]
    public void WritesCamelCaseAndLeavesNullsOut()
    {
        var json = Encoding.UTF8.GetString(ProtocolJson.Serialize(new Activity { Type = "message", ReplyToId = "1" }));

        Assert.Equal("""{"type":"message","replyToId":"1"}""", json);
    }

    [Fact]
    public void ReadsFieldNamesInAnyCase()
    {
        var parsed = ProtocolJson.ParseActivity("""{"Type":"message","TEXT":"hi","ServiceUrl":"https://x/"}"""u8);

        Assert.True(parsed.Succeeded);
        Assert.Equal("hi", parsed.Activity!.Text);
        Assert.Equal("https://x/", parsed.Activity.ServiceUrl);
    }

    [Theory]
    [InlineData("", ActivityParseError.Empty)]
    [InlineData("{\"type\":\"message\"", ActivityParseError.Malformed)]
    [InlineData("not json", ActivityParseError.Malformed)]
    [InlineData("{\"type\":\"message\"} trailing", ActivityParseError.Malformed)]
    [InlineData("[{\"type\":\"message\"}]", ActivityParseError.WrongShape)]
    [InlineData("\"message\"", ActivityParseError.WrongShape)]
    [InlineData("null", ActivityParseError.WrongShape)]
    [InlineData("{\"type\":5}", ActivityParseError.WrongShape)]
    [InlineData("{\"type\":\"message\",\"from\":\"someone\"}", ActivityParseError.WrongShape)]
    [InlineData("{\"type\":\"message\",\"serviceUrl\":\"https://a/\",\"serviceUrl\":\"https://b/\"}", ActivityParseError.WrongShape)]
    [InlineData("{\"text\":\"no type\"}", ActivityParseError.MissingType)]
    [InlineData("{\"type\":\"  \"}", ActivityParseError.MissingType)]
    public void GivesAnErrorValueForBadInput(string json, ActivityParseError expected)
    {
        var parsed = ProtocolJson.ParseActivity(Encoding.UTF8.GetBytes(json));

        Assert.False(parsed.Succeeded);
        Assert.Null(parsed.Activity);
        Assert.Equal(expected, parsed.Error);
        Assert.False(string.IsNullOrWhiteSpace(parsed.Reason));
    }

    [Theory]
    [InlineData(65)]
    [InlineData(100_000)]
    public void RejectsJsonNestedTooDeep(int depth)
    {
        var json = "{\"type\":\"message\",\"channelData\":" + new string('[', depth) + new string(']', depth) + "}";

        var parsed = ProtocolJson.ParseActivity(Encoding.UTF8.GetBytes(json));

        Assert.Equal(ActivityParseError.TooDeep, parsed.Error);
    }

    [Fact]
    public void AcceptsNestingWellWithinTheLimit()
    {
        var json = "{\"type\":\"message\",\"channelData\":" + new string('[', 50) + new string(']', 50) + "}";

        Assert.True(ProtocolJson.ParseActivity(Encoding.UTF8.GetBytes(json)).Succeeded);
    }

    [Fact]
    public void OptionsCannotBeChangedByOtherCode()
    {
        Assert.True(ProtocolJson.Options.IsReadOnly);
        Assert.Throws<InvalidOperationException>(() => ProtocolJson.Options.MaxDepth = 1000);
    }

    [Fact]
    public void CreateReplySwapsPartiesAndKeepsTheConversation()
    {
        var inbound = ProtocolJson.ParseActivity(Encoding.UTF8.GetBytes(TeamsMessage)).Activity!;

        var reply = inbound.CreateReply("Our clinic is open 9-5.");

        Assert.Equal(ActivityTypes.Message, reply.Type);
        Assert.Equal("Our clinic is open 9-5.", reply.Text);
        Assert.Equal("28:bot", reply.From!.Id);
        Assert.Equal("29:user", reply.Recipient!.Id);
        Assert.Equal("19:abc@thread.tacv2;messageid=1712345678901", reply.Conversation!.Id);
        Assert.Equal("t1", reply.Conversation.TenantId);
        Assert.Equal("1712345678901", reply.ReplyToId);
        Assert.Equal("https://smba.trafficmanager.net/amer/", reply.ServiceUrl);
        Assert.Equal("msteams", reply.ChannelId);
        Assert.Equal("en-GB", reply.Locale);
        Assert.Null(reply.Entities);
        Assert.Null(reply.ChannelData);
        Assert.Null(reply.Extra);
    }

    [Fact]
    public void CreateReplyToATeamsChannelPostWithoutThreadMarkerRepliesInItsThread()
    {
        var post = new Activity
        {
            Type = "message",
            Id = "1700000000001",
            ChannelId = "msteams",
            Conversation = new ConversationAccount { Id = "19:general@thread.tacv2", ConversationType = "channel" },
        };

        Assert.Equal("19:general@thread.tacv2;messageid=1700000000001", post.CreateReply("hi").Conversation!.Id);
    }

    [Theory]
    [InlineData("msteams", "personal", "a:1personal")]
    [InlineData("msteams", "groupChat", "19:group@thread.v2")]
    [InlineData("webchat", "channel", "abc")]
    public void CreateReplyOutsideTeamsChannelsKeepsTheConversationIdAsIs(string channel, string type, string conversationId)
    {
        var inbound = new Activity
        {
            Type = "message",
            Id = "9",
            ChannelId = channel,
            Conversation = new ConversationAccount { Id = conversationId, ConversationType = type },
        };

        Assert.Equal(conversationId, inbound.CreateReply().Conversation!.Id);
    }

    [Fact]
    public void ValueAndEntitiesSurviveAsJson()
    {
        var parsed = ProtocolJson.ParseActivity("""{"type":"invoke","name":"adaptiveCard/action","value":{"action":{"verb":"yes"}}}"""u8);

        Assert.Equal("yes", parsed.Activity!.Value!.Value.GetProperty("action").GetProperty("verb").GetString());
        Assert.Equal(JsonValueKind.Object, parsed.Activity.Value.Value.ValueKind);
    }
}
