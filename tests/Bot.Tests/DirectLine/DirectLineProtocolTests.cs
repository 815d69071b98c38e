using System.Net;

namespace Clinic.Bot.Tests.DirectLine;

/// <summary>Direct Line 3.0 over real HTTP against the app with the real (placeholder) bot.</summary>
public sealed class DirectLineProtocolTests : IAsyncLifetime
{
    private ChatTestHost _host = null!;

    public async Task InitializeAsync() => _host = await ChatTestHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task WebsiteTokenEndpointGivesAConversationTokenAndThisAppsDirectLineDomain()
    {
        var website = await _host.DirectLine.GetWebsiteTokenAsync();

        Assert.False(string.IsNullOrEmpty(website.GetProperty("token").GetString()));
        Assert.False(string.IsNullOrEmpty(website.GetProperty("conversationId").GetString()));
        Assert.Equal(1800, website.GetProperty("expires_in").GetInt32());
        Assert.Equal(new Uri(_host.BaseAddress, "v3/directline").ToString(), website.GetProperty("domain").GetString());
    }

    [Fact]
    public async Task StartingAConversationReturns201WithItsIdTokenAndStreamUrl()
    {
        var website = await _host.DirectLine.GetWebsiteTokenAsync();
        var token = website.GetProperty("token").GetString();

        var started = await _host.DirectLine.SendAsync(HttpMethod.Post, "/v3/directline/conversations", token,
            """{"user":{"id":"someone"},"locale":"en-US"}""");

        Assert.Equal(HttpStatusCode.Created, started.Status);
        var conversationId = started.Json.GetProperty("conversationId").GetString();
        Assert.Equal(website.GetProperty("conversationId").GetString(), conversationId);
        Assert.Equal(token, started.Json.GetProperty("token").GetString());
        Assert.InRange(started.Json.GetProperty("expires_in").GetInt32(), 1, 1800);
        var streamUrl = started.Json.GetProperty("streamUrl").GetString()!;
        Assert.StartsWith($"ws://{_host.BaseAddress.Authority}/v3/directline/conversations/{conversationId}/stream?", streamUrl);
        Assert.Contains("t=" + Uri.EscapeDataString(token!), streamUrl);
    }

    [Fact]
    public async Task StartingTheSameConversationAgainReturns200()
    {
        var conversation = await _host.DirectLine.StartAsync();

        var again = await _host.DirectLine.SendAsync(HttpMethod.Post, "/v3/directline/conversations", conversation.Token);

        Assert.Equal(HttpStatusCode.OK, again.Status);
        Assert.Equal(conversation.ConversationId, again.Json.GetProperty("conversationId").GetString());
    }

    [Fact]
    public async Task PostedMessageIsEchoedWithServerIdTimestampUserRoleAndClientActivityId()
    {
        var conversation = await _host.DirectLine.StartAsync();

        var id = await _host.DirectLine.PostMessageAsync(conversation, "hello", clientActivityId: "client-42");

        var set = await _host.DirectLine.GetActivitiesAsync(conversation);
        var echo = set.GetProperty("activities").EnumerateArray().Single(a => a.GetProperty("id").GetString() == id);
        Assert.StartsWith(conversation.ConversationId + "|", id);
        Assert.Equal("message", echo.GetProperty("type").GetString());
        Assert.Equal("hello", echo.GetProperty("text").GetString());
        Assert.Equal("client-42", echo.GetProperty("channelData").GetProperty("clientActivityID").GetString());
        Assert.Equal("user", echo.GetProperty("from").GetProperty("role").GetString());
        // The server, not the client, says who the visitor is: the user id bound into the token.
        Assert.StartsWith("dl_", echo.GetProperty("from").GetProperty("id").GetString());
        Assert.Equal("directline", echo.GetProperty("channelId").GetString());
        Assert.Equal(conversation.ConversationId, echo.GetProperty("conversation").GetProperty("id").GetString());
        Assert.True(echo.GetProperty("timestamp").TryGetDateTimeOffset(out _));
    }

    [Fact]
    public async Task BotReplyAppearsInTheLogAsAReplyToTheMessage()
    {
        var conversation = await _host.DirectLine.StartAsync();

        var id = await _host.DirectLine.PostMessageAsync(conversation, "What is ketamine?");

        var reply = await _host.DirectLine.WaitForActivityAsync(conversation, a => DirectLineClient.IsBotReplyTo(a, id));
        // The placeholder bot echoes; the lead's grounded answer will replace this text.
        Assert.Equal("echo: What is ketamine?", reply.GetProperty("text").GetString());
        Assert.Equal("clinic-bot", reply.GetProperty("from").GetProperty("id").GetString());
        Assert.StartsWith(conversation.ConversationId + "|", reply.GetProperty("id").GetString());
    }

    [Fact]
    public async Task PollingWithAWatermarkReturnsOnlyNewerActivities()
    {
        var conversation = await _host.DirectLine.StartAsync();
        var first = await _host.DirectLine.PostMessageAsync(conversation, "first");
        await _host.DirectLine.WaitForActivityAsync(conversation, a => DirectLineClient.IsBotReplyTo(a, first));
        var watermark = (await _host.DirectLine.GetActivitiesAsync(conversation)).GetProperty("watermark").GetString();

        var second = await _host.DirectLine.PostMessageAsync(conversation, "second");
        var newer = await _host.DirectLine.GetActivitiesAsync(conversation, watermark);

        var ids = newer.GetProperty("activities").EnumerateArray().Select(a => a.GetProperty("id").GetString()).ToList();
        Assert.Contains(second, ids);
        Assert.DoesNotContain(first, ids);
        Assert.True(long.Parse(newer.GetProperty("watermark").GetString()!) > long.Parse(watermark!));
    }

    [Fact]
    public async Task PollingNeverReturnsTypingActivities()
    {
        var conversation = await _host.DirectLine.StartAsync();
        var id = await _host.DirectLine.PostMessageAsync(conversation, "hi");
        await _host.DirectLine.WaitForActivityAsync(conversation, a => DirectLineClient.IsBotReplyTo(a, id));

        var set = await _host.DirectLine.GetActivitiesAsync(conversation);

        Assert.DoesNotContain(set.GetProperty("activities").EnumerateArray(), a => a.GetProperty("type").GetString() == "typing");
    }

    [Fact]
    public async Task ReconnectReturnsAFreshStreamUrlThatResumesAtTheWatermark()
    {
        var conversation = await _host.DirectLine.StartAsync();

        var reconnect = await _host.DirectLine.SendAsync(HttpMethod.Get,
            $"/v3/directline/conversations/{conversation.ConversationId}?watermark=3", conversation.Token);

        Assert.Equal(HttpStatusCode.OK, reconnect.Status);
        Assert.Equal(conversation.ConversationId, reconnect.Json.GetProperty("conversationId").GetString());
        var streamUrl = reconnect.Json.GetProperty("streamUrl").GetString()!;
        Assert.Contains("watermark=3&", streamUrl);
        Assert.Contains("t=", streamUrl);
    }

    [Fact]
    public async Task AConversationThatWasNeverStartedIsNotFound()
    {
        var website = await _host.DirectLine.GetWebsiteTokenAsync();
        var conversationId = website.GetProperty("conversationId").GetString();

        var reply = await _host.DirectLine.SendAsync(HttpMethod.Get,
            $"/v3/directline/conversations/{conversationId}/activities", website.GetProperty("token").GetString());

        Assert.Equal(HttpStatusCode.NotFound, reply.Status);
        Assert.Equal("NotFound", reply.Json.GetProperty("error").GetProperty("code").GetString());
    }

    [Fact]
    public async Task TokenForOneConversationCannotReadOrPostToAnother()
    {
        var mine = await _host.DirectLine.StartAsync();
        var theirs = await _host.DirectLine.StartAsync();
        var path = $"/v3/directline/conversations/{theirs.ConversationId}";

        var read = await _host.DirectLine.SendAsync(HttpMethod.Get, path + "/activities", mine.Token);
        var post = await _host.DirectLine.SendAsync(HttpMethod.Post, path + "/activities", mine.Token, """{"type":"message","text":"hi"}""");
        var reconnect = await _host.DirectLine.SendAsync(HttpMethod.Get, path, mine.Token);
        var stream = await _host.DirectLine.SendAsync(HttpMethod.Get, path + "/stream?t=" + Uri.EscapeDataString(mine.Token));

        Assert.All([read, post, reconnect, stream], r =>
        {
            Assert.Equal(HttpStatusCode.Forbidden, r.Status);
            Assert.Equal("Forbidden", r.Json.GetProperty("error").GetProperty("code").GetString());
        });
        Assert.DoesNotContain((await _host.DirectLine.GetActivitiesAsync(theirs)).GetProperty("activities").EnumerateArray(),
            a => a.GetProperty("from").GetProperty("role").GetString() == "user");
    }

    [Fact]
    public async Task RequestsWithoutATokenAreUnauthorized()
    {
        var conversation = await _host.DirectLine.StartAsync();

        var reply = await _host.DirectLine.SendAsync(HttpMethod.Get, $"/v3/directline/conversations/{conversation.ConversationId}/activities");
        var start = await _host.DirectLine.SendAsync(HttpMethod.Post, "/v3/directline/conversations");

        Assert.Equal(HttpStatusCode.Unauthorized, reply.Status);
        Assert.Equal(HttpStatusCode.Unauthorized, start.Status);
    }

    [Theory]
    [InlineData("not-a-token")]
    [InlineData("a.b.c")]
    [InlineData("eyJhbGciOiJub25lIiwidHlwIjoiSldUIn0.eyJpc3MiOiJjbGluaWMtZGlyZWN0bGluZSIsImNvbnYiOiJ4IiwidXNlciI6ImRsX3giLCJleHAiOjk5OTk5OTk5OTl9.")]
    public async Task MalformedOrUnsignedTokensAreForbidden(string token)
    {
        var reply = await _host.DirectLine.SendAsync(HttpMethod.Post, "/v3/directline/conversations", token);

        Assert.Equal(HttpStatusCode.Forbidden, reply.Status);
        Assert.Equal("TokenInvalid", reply.Json.GetProperty("error").GetProperty("code").GetString());
    }

    [Fact]
    public async Task ATokenWhosePayloadWasEditedToAnotherConversationIsForbidden()
    {
        var mine = await _host.DirectLine.StartAsync();
        var theirs = await _host.DirectLine.StartAsync();
        var parts = mine.Token.Split('.');
        var payload = System.Text.Encoding.UTF8.GetString(System.Buffers.Text.Base64Url.DecodeFromChars(parts[1]))
            .Replace(mine.ConversationId, theirs.ConversationId);
        var forged = parts[0] + "." + System.Buffers.Text.Base64Url.EncodeToString(System.Text.Encoding.UTF8.GetBytes(payload)) + "." + parts[2];

        var reply = await _host.DirectLine.SendAsync(HttpMethod.Get, $"/v3/directline/conversations/{theirs.ConversationId}/activities", forged);

        Assert.Contains(theirs.ConversationId, payload);
        Assert.Equal(HttpStatusCode.Forbidden, reply.Status);
        Assert.Equal("TokenInvalid", reply.Json.GetProperty("error").GetProperty("code").GetString());
    }

    [Fact]
    public async Task GenerateGivesATokenForANewConversation()
    {
        var generated = await _host.DirectLine.SendAsync(HttpMethod.Post, "/v3/directline/tokens/generate", body: """{"user":{"id":"dl_someone_else"}}""");

        Assert.Equal(HttpStatusCode.OK, generated.Status);
        var token = generated.Json.GetProperty("token").GetString();
        var started = await _host.DirectLine.SendAsync(HttpMethod.Post, "/v3/directline/conversations", token);
        Assert.Equal(HttpStatusCode.Created, started.Status);
        Assert.Equal(generated.Json.GetProperty("conversationId").GetString(), started.Json.GetProperty("conversationId").GetString());
        // The user id is minted by the server, never taken from an anonymous request.
        var payload = System.Text.Encoding.UTF8.GetString(System.Buffers.Text.Base64Url.DecodeFromChars(token!.Split('.')[1]));
        Assert.DoesNotContain("dl_someone_else", payload);
    }

    [Fact]
    public async Task InvalidWatermarkIsABadRequest()
    {
        var conversation = await _host.DirectLine.StartAsync();

        var reply = await _host.DirectLine.SendAsync(HttpMethod.Get,
            $"/v3/directline/conversations/{conversation.ConversationId}/activities?watermark=abc", conversation.Token);

        Assert.Equal(HttpStatusCode.BadRequest, reply.Status);
        Assert.Contains("watermark", reply.Json.GetProperty("error").GetProperty("message").GetString());
    }

    [Fact]
    public async Task AWatermarkAheadOfTheLogReturnsNothingAndTheRealWatermark()
    {
        var conversation = await _host.DirectLine.StartAsync();
        var id = await _host.DirectLine.PostMessageAsync(conversation, "hi");
        await _host.DirectLine.WaitForActivityAsync(conversation, a => DirectLineClient.IsBotReplyTo(a, id));

        var set = await _host.DirectLine.GetActivitiesAsync(conversation, "999999");

        Assert.Empty(set.GetProperty("activities").EnumerateArray());
        Assert.True(long.Parse(set.GetProperty("watermark").GetString()!) < 999999);
    }

    [Fact]
    public async Task WebsiteTokenResponsesAreNeverCached()
    {
        var reply = await _host.DirectLine.SendAsync(HttpMethod.Post, "/api/directline/token");

        Assert.True(reply.Response.Headers.CacheControl?.NoStore);
    }
}
