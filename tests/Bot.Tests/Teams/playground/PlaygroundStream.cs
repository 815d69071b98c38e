using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;

namespace Clinic.Bot.Tests.Teams;

/// <summary>
/// The Agents Playground's conversation stream (the WebSocket its web UI listens on): one JSON frame per
/// message, update or typing indicator that arrived at the playground's mock connector.
/// </summary>
internal sealed class PlaygroundStream : IAsyncDisposable
{
    private readonly ClientWebSocket _socket = new();
    private readonly Channel<JsonElement> _frames = Channel.CreateUnbounded<JsonElement>();
    private readonly List<string> _seen = [];
    private readonly CancellationTokenSource _stop = new();
    private Task _receiving = Task.CompletedTask;

    public static async Task<PlaygroundStream> ConnectAsync(int port, CancellationToken cancellationToken)
    {
        var stream = new PlaygroundStream();
        await stream._socket.ConnectAsync(new Uri($"ws://127.0.0.1:{port}/_ws_conversation/v1/conversations/stream"), cancellationToken);
        stream._receiving = stream.ReceiveAsync();
        return stream;
    }

    /// <summary>Every frame received so far, raw, for failure messages.</summary>
    public string Seen
    {
        get
        {
            lock (_seen)
            {
                return _seen.Count == 0 ? "(no frames)" : string.Join("\n", _seen);
            }
        }
    }

    /// <summary>The first frame (from now on, in arrival order) that matches; null if none arrives in time.</summary>
    public async Task<JsonElement?> WaitForAsync(Func<JsonElement, bool> match, TimeSpan timeout)
    {
        using var giveUp = new CancellationTokenSource(timeout);
        try
        {
            await foreach (var frame in _frames.Reader.ReadAllAsync(giveUp.Token))
            {
                if (match(frame))
                {
                    return frame;
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
        return null;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _receiving;
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException)
        {
        }
        _socket.Dispose();
        _stop.Dispose();
    }

    private async Task ReceiveAsync()
    {
        var buffer = new byte[64 * 1024];
        using var message = new MemoryStream();
        while (_socket.State == WebSocketState.Open)
        {
            var result = await _socket.ReceiveAsync(buffer, _stop.Token);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                break;
            }
            message.Write(buffer, 0, result.Count);
            if (!result.EndOfMessage)
            {
                continue;
            }
            var text = Encoding.UTF8.GetString(message.ToArray());
            message.SetLength(0);
            lock (_seen)
            {
                _seen.Add(text);
            }
            try
            {
                _frames.Writer.TryWrite(JsonDocument.Parse(text).RootElement.Clone());
            }
            catch (JsonException)
            {
                // Kept in Seen; not a frame anyone can match.
            }
        }
        _frames.Writer.TryComplete();
    }
}
