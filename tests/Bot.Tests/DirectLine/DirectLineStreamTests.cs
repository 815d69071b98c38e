using System.Net.WebSockets;
using System.Text;
using System.Text.Json;

namespace Clinic.Bot.Tests.DirectLine;

/// <summary>The WebSocket stream at streamUrl, with a raw ClientWebSocket.</summary>
public sealed class DirectLineStreamTests : IAsyncLifetime
{
    private ChatTestHost _host = null!;

    public async Task InitializeAsync() =>
        _host = await ChatTestHost.StartAsync(new Dictionary<string, string?> { ["DirectLine:StreamHeartbeatInterval"] = "00:00:00.2" });

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task StreamDeliversTheEchoAndTheReplyAsActivitySetsWithWatermarks()
    {
        var conversation = await _host.DirectLine.StartAsync();
        using var socket = await ConnectAsync(conversation.StreamUrl);

        var id = await _host.DirectLine.PostMessageAsync(conversation, "over the socket", clientActivityId: "ws-1");

        var seen = new List<JsonElement>();
        var watermarks = new List<long>();
        while (!seen.Any(a => DirectLineClient.IsBotReplyTo(a, id)))
        {
            var frame = await ReceiveAsync(socket);
            if (frame.Length == 0)
            {
                continue;
            }
            using var set = JsonDocument.Parse(frame);
            watermarks.Add(long.Parse(set.RootElement.GetProperty("watermark").GetString()!));
            seen.AddRange(set.RootElement.GetProperty("activities").EnumerateArray().Select(a => a.Clone()));
        }

        var echo = seen.Single(a => a.GetProperty("id").GetString() == id);
        Assert.Equal("ws-1", echo.GetProperty("channelData").GetProperty("clientActivityID").GetString());
        Assert.Equal("echo: over the socket", seen.Single(a => DirectLineClient.IsBotReplyTo(a, id)).GetProperty("text").GetString());
        Assert.Equal(watermarks.Order(), watermarks);
        // Typing is delivered on the stream (and only there).
        Assert.Contains(seen, a => a.GetProperty("type").GetString() == "typing");
    }

    [Fact]
    public async Task StreamSendsEmptyHeartbeatMessagesWhileQuiet()
    {
        var conversation = await _host.DirectLine.StartAsync();
        using var socket = await ConnectAsync(conversation.StreamUrl);

        var frame = await ReceiveAsync(socket);

        Assert.Empty(frame);
    }

    [Fact]
    public async Task StreamFromAWatermarkReplaysOnlyLaterActivities()
    {
        var conversation = await _host.DirectLine.StartAsync();
        var first = await _host.DirectLine.PostMessageAsync(conversation, "first");
        await _host.DirectLine.WaitForActivityAsync(conversation, a => DirectLineClient.IsBotReplyTo(a, first));
        var watermark = (await _host.DirectLine.GetActivitiesAsync(conversation)).GetProperty("watermark").GetString();
        var reconnect = await _host.DirectLine.SendAsync(HttpMethod.Get,
            $"/v3/directline/conversations/{conversation.ConversationId}?watermark=0", conversation.Token);

        using var fromStart = await ConnectAsync(reconnect.Json.GetProperty("streamUrl").GetString()!);
        var replayed = await ReceiveActivitiesAsync(fromStart);
        using var fromNow = await ConnectToAsync(conversation, watermark!);
        var second = await _host.DirectLine.PostMessageAsync(conversation, "second");
        var later = await ReceiveActivitiesAsync(fromNow);

        Assert.Contains(replayed, a => a.GetProperty("id").GetString() == first);
        Assert.DoesNotContain(later, a => a.GetProperty("id").GetString() == first);
        Assert.Contains(later, a => a.GetProperty("id").GetString() == second);
    }

    [Fact]
    public async Task ANewStreamForTheConversationClosesTheOldOneWithCollision()
    {
        var conversation = await _host.DirectLine.StartAsync();
        using var older = await ConnectAsync(conversation.StreamUrl);

        using var newer = await ConnectAsync(conversation.StreamUrl);
        while (older.State == WebSocketState.Open && (await ReceiveRawAsync(older)).MessageType != WebSocketMessageType.Close)
        {
        }

        Assert.Equal(WebSocketCloseStatus.PolicyViolation, older.CloseStatus);
        Assert.Equal("collision", older.CloseStatusDescription);
        Assert.Equal(WebSocketState.Open, newer.State);
    }

    [Fact]
    public async Task StreamWithAnotherConversationsTokenIsRefused()
    {
        var mine = await _host.DirectLine.StartAsync();
        var theirs = await _host.DirectLine.StartAsync();
        var url = theirs.StreamUrl.Split("?t=")[0] + "?t=" + Uri.EscapeDataString(mine.Token);

        var failure = await Assert.ThrowsAsync<WebSocketException>(() => ConnectAsync(url));

        Assert.Contains("403", failure.Message);
    }

    [Fact]
    public async Task APlainRequestToTheStreamUrlIsABadRequest()
    {
        var conversation = await _host.DirectLine.StartAsync();
        var path = new Uri(conversation.StreamUrl.Replace("ws://", "http://")).PathAndQuery;

        var reply = await _host.DirectLine.SendAsync(HttpMethod.Get, path);

        Assert.Equal(System.Net.HttpStatusCode.BadRequest, reply.Status);
        Assert.Contains("WebSocket", reply.Json.GetProperty("error").GetProperty("message").GetString());
    }

    private Task<ClientWebSocket> ConnectToAsync(DirectLineClient.Conversation conversation, string watermark) =>
        ConnectAsync(conversation.StreamUrl.Replace("/stream?", $"/stream?watermark={watermark}&"));

    private static async Task<ClientWebSocket> ConnectAsync(string url)
    {
        var socket = new ClientWebSocket();
        try
        {
            using var giveUp = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await socket.ConnectAsync(new Uri(url), giveUp.Token);
            return socket;
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>The activities of the next non-empty frame.</summary>
    private static async Task<List<JsonElement>> ReceiveActivitiesAsync(ClientWebSocket socket)
    {
        while (true)
        {
            var frame = await ReceiveAsync(socket);
            if (frame.Length > 0)
            {
                using var set = JsonDocument.Parse(frame);
                return set.RootElement.GetProperty("activities").EnumerateArray().Select(a => a.Clone()).ToList();
            }
        }
    }

    private static async Task<byte[]> ReceiveAsync(ClientWebSocket socket)
    {
        using var message = new MemoryStream();
        WebSocketReceiveResult result;
        do
        {
            result = await ReceiveRawAsync(socket, message);
            Assert.Equal(WebSocketMessageType.Text, result.MessageType);
        }
        while (!result.EndOfMessage);
        return message.ToArray();
    }

    private static async Task<WebSocketReceiveResult> ReceiveRawAsync(ClientWebSocket socket, MemoryStream? into = null)
    {
        using var giveUp = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var buffer = new byte[64 * 1024];
        var result = await socket.ReceiveAsync(buffer, giveUp.Token);
        into?.Write(buffer, 0, result.Count);
        return result;
    }
}
