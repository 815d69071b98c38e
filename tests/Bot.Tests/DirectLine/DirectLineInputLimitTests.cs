using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Clinic.Bot.Tests.DirectLine;

/// <summary>Bad input gets a clear 4xx, never a 500 and never an echo in the log.</summary>
public sealed class DirectLineInputLimitTests : IAsyncLifetime
{
    private ChatTestHost _host = null!;
    private DirectLineClient.Conversation _conversation = null!;

    public async Task InitializeAsync()
    {
        _host = await ChatTestHost.StartAsync();
        _conversation = await _host.DirectLine.StartAsync();
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private string ActivitiesPath => $"/v3/directline/conversations/{_conversation.ConversationId}/activities";

    private Task<DirectLineClient.Reply> PostAsync(string body) =>
        _host.DirectLine.SendAsync(HttpMethod.Post, ActivitiesPath, _conversation.Token, body);

    [Fact]
    public async Task MessageOf4000CharactersIsAccepted()
    {
        var reply = await PostAsync(JsonSerializer.Serialize(new { type = "message", text = new string('a', 4000) }));

        Assert.Equal(HttpStatusCode.OK, reply.Status);
    }

    [Fact]
    public async Task MessageOver4000CharactersIsRejectedWithAClearMessage()
    {
        var reply = await PostAsync(JsonSerializer.Serialize(new { type = "message", text = new string('a', 4001) }));

        Assert.Equal(HttpStatusCode.BadRequest, reply.Status);
        var error = reply.Json.GetProperty("error");
        Assert.Equal("MessageTooLong", error.GetProperty("code").GetString());
        Assert.Contains("4,001", error.GetProperty("message").GetString());
        Assert.Contains("4,000", error.GetProperty("message").GetString());
        await AssertNothingFromTheVisitorWasLoggedAsync();
    }

    [Fact]
    public async Task BodyOver256KilobytesIsRejectedWith413()
    {
        var padding = new string('x', 256 * 1024);
        var reply = await PostAsync(JsonSerializer.Serialize(new { type = "message", text = "hi", channelData = new { padding } }));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, reply.Status);
        Assert.Equal("MessageSizeTooBig", reply.Json.GetProperty("error").GetProperty("code").GetString());
    }

    [Fact]
    public async Task ChunkedBodyOver256KilobytesIsRejectedWith413()
    {
        // No Content-Length: the limit must hold while reading, not only from the header.
        var payload = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new { type = "message", text = "hi", channelData = new { padding = new string('x', 300 * 1024) } }));
        using var request = new HttpRequestMessage(HttpMethod.Post, ActivitiesPath.TrimStart('/'))
        {
            Content = new StreamContent(new UnknownLengthStream(payload)),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.TransferEncodingChunked = true;
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _conversation.Token);

        using var response = await _host.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Theory]
    [InlineData("{\"type\":\"message\",\"text\":")]
    [InlineData("not json at all")]
    [InlineData("[1,2,3]")]
    [InlineData("null")]
    [InlineData("{\"type\":\"message\",\"text\":\"hi\",\"timestamp\":\"yesterday\"}")]
    [InlineData("{\"type\":\"message\",\"text\":42}")]
    public async Task MalformedJsonIsABadRequest(string body)
    {
        var reply = await PostAsync(body);

        Assert.Equal(HttpStatusCode.BadRequest, reply.Status);
        Assert.Equal("BadArgument", reply.Json.GetProperty("error").GetProperty("code").GetString());
    }

    [Theory]
    [InlineData("", "BadArgument")]
    [InlineData("{}", "MissingProperty")]
    [InlineData("{\"type\":\"message\"}", "BadArgument")]
    [InlineData("{\"type\":\"message\",\"text\":\"   \"}", "BadArgument")]
    [InlineData("{\"type\":\"event\"}", "BadArgument")]
    [InlineData("{\"type\":\"conversationUpdate\",\"membersAdded\":[{\"id\":\"x\"}]}", "BadArgument")]
    [InlineData("{\"type\":\"invoke\",\"name\":\"x\"}", "BadArgument")]
    [InlineData("{\"type\":\"message\",\"text\":\"hi\",\"attachments\":[{\"contentType\":\"image/png\",\"contentUrl\":\"http://x\"}]}", "BadArgument")]
    public async Task ActivitiesTheChannelDoesNotAcceptAreBadRequests(string body, string code)
    {
        var reply = await PostAsync(body);

        Assert.Equal(HttpStatusCode.BadRequest, reply.Status);
        Assert.Equal(code, reply.Json.GetProperty("error").GetProperty("code").GetString());
        Assert.False(string.IsNullOrWhiteSpace(reply.Json.GetProperty("error").GetProperty("message").GetString()));
    }

    [Fact]
    public async Task MalformedStartConversationBodyIsABadRequest()
    {
        var website = await _host.DirectLine.GetWebsiteTokenAsync();

        var reply = await _host.DirectLine.SendAsync(HttpMethod.Post, "/v3/directline/conversations",
            website.GetProperty("token").GetString(), "{\"user\":");

        Assert.Equal(HttpStatusCode.BadRequest, reply.Status);
    }

    [Fact]
    public async Task FeedbackEventIsAcceptedAndEchoed()
    {
        var body = """{"type":"event","name":"feedback","value":{"answerId":"a-1","rating":"up"},"channelData":{"clientActivityID":"fb-1"}}""";

        var reply = await PostAsync(body);

        Assert.Equal(HttpStatusCode.OK, reply.Status);
        var id = reply.Json.GetProperty("id").GetString();
        var echo = (await _host.DirectLine.GetActivitiesAsync(_conversation)).GetProperty("activities").EnumerateArray()
            .Single(a => a.GetProperty("id").GetString() == id);
        Assert.Equal("feedback", echo.GetProperty("name").GetString());
        Assert.Equal("up", echo.GetProperty("value").GetProperty("rating").GetString());
        Assert.Equal("fb-1", echo.GetProperty("channelData").GetProperty("clientActivityID").GetString());
    }

    private async Task AssertNothingFromTheVisitorWasLoggedAsync()
    {
        var set = await _host.DirectLine.GetActivitiesAsync(_conversation);
        Assert.DoesNotContain(set.GetProperty("activities").EnumerateArray(), a => a.GetProperty("from").GetProperty("role").GetString() == "user");
    }

    /// <summary>A stream that will not say how long it is, so HttpClient sends it chunked.</summary>
    private sealed class UnknownLengthStream(byte[] data) : MemoryStream(data)
    {
        public override bool CanSeek => false;
    }
}
