using System.Net.WebSockets;
using Microsoft.Extensions.Options;

namespace Clinic.Bot.DirectLine;

/// <summary>
/// The WebSocket stream at a conversation's streamUrl (token in the <c>t</c> query parameter). Sends ActivitySets as
/// activities arrive and an empty message every heartbeat interval, which DirectLineJS ignores and proxies see as traffic.
/// </summary>
internal static class StreamEndpoint
{
    private static readonly TimeSpan CloseHandshakeTimeout = TimeSpan.FromSeconds(5);

    public static async Task HandleAsync(
        HttpContext context,
        string conversationId,
        DirectLineTokenService tokens,
        IConversationStore store,
        StreamRegistry registry,
        IOptions<DirectLineOptions> options,
        TimeProvider time,
        IHostApplicationLifetime lifetime,
        ILoggerFactory loggers)
    {
        var request = context.Request;
        var token = request.Query["t"].ToString() is { Length: > 0 } fromQuery ? fromQuery : DirectLineAuth.BearerToken(request);
        if (DirectLineAuth.Authorize(tokens, token, conversationId, out var denied) is null)
        {
            await denied!.ExecuteAsync(context);
            return;
        }
        if (!ActivitySetWriter.TryParseWatermark(request.Query["watermark"], out var watermark))
        {
            await DirectLineErrors.BadArgument("The watermark must be a non-negative whole number.").ExecuteAsync(context);
            return;
        }
        if (!context.WebSockets.IsWebSocketRequest)
        {
            await DirectLineErrors.BadArgument("The stream URL takes a WebSocket connection.").ExecuteAsync(context);
            return;
        }
        if (!await store.TouchAsync(conversationId, context.RequestAborted))
        {
            await DirectLineErrors.ConversationNotFound().ExecuteAsync(context);
            return;
        }

        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        using var collision = registry.Register(conversationId);
        using var closing = CancellationTokenSource.CreateLinkedTokenSource(
            context.RequestAborted, collision.Token, lifetime.ApplicationStopping);
        var logger = loggers.CreateLogger(typeof(StreamEndpoint));
        try
        {
            var receiving = DrainClientAsync(socket, closing);
            var reason = await SendAsync(socket, conversationId, watermark, store, options.Value, time, closing.Token);
            if (collision.IsCancellationRequested)
            {
                reason = (WebSocketCloseStatus.PolicyViolation, "collision");
            }
            if (socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
            {
                await socket.CloseOutputAsync(reason.Status, reason.Description, CancellationToken.None);
            }
            // A client that never answers the close handshake must not hold the request open.
            await receiving.WaitAsync(CloseHandshakeTimeout, time);
        }
        catch (TimeoutException)
        {
            socket.Abort();
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException)
        {
            logger.LogDebug(ex, "Direct Line stream for {ConversationId} ended abruptly", conversationId);
        }
        finally
        {
            registry.Unregister(conversationId, collision);
        }
    }

    private static async Task<(WebSocketCloseStatus Status, string Description)> SendAsync(
        WebSocket socket, string conversationId, long watermark, IConversationStore store, DirectLineOptions options,
        TimeProvider time, CancellationToken closing)
    {
        while (!closing.IsCancellationRequested)
        {
            var page = await store.ReadAsync(conversationId, watermark, closing);
            if (page is null)
            {
                return (WebSocketCloseStatus.NormalClosure, "conversation ended");
            }
            if (page.Activities.Count > 0)
            {
                watermark = page.Watermark;
                await socket.SendAsync(ActivitySetWriter.Write(page.Activities, watermark), WebSocketMessageType.Text, true, closing);
                continue;
            }
            watermark = Math.Min(watermark, page.Watermark);

            using var round = CancellationTokenSource.CreateLinkedTokenSource(closing);
            var arrived = store.WaitForActivityAsync(conversationId, watermark, round.Token);
            var heartbeat = Task.Delay(options.StreamHeartbeatInterval, time, round.Token);
            var first = await Task.WhenAny(arrived, heartbeat);
            await round.CancelAsync();
            if (first == heartbeat && !closing.IsCancellationRequested)
            {
                await socket.SendAsync(ReadOnlyMemory<byte>.Empty, WebSocketMessageType.Text, true, closing);
                // An open stream is a visitor still on the page: keep the conversation from expiring under them.
                await store.TouchAsync(conversationId, closing);
            }
        }
        return (WebSocketCloseStatus.NormalClosure, "closing");
    }

    /// <summary>Reads and discards what the client sends (DirectLineJS pings with empty messages) until it closes.</summary>
    private static async Task DrainClientAsync(WebSocket socket, CancellationTokenSource closing)
    {
        var buffer = new byte[1024];
        try
        {
            while (socket.State == WebSocketState.Open)
            {
                var result = await socket.ReceiveAsync(buffer, CancellationToken.None);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    break;
                }
            }
        }
        catch (WebSocketException)
        {
            // The client vanished; the sender loop notices through the cancellation below.
        }
        finally
        {
            await closing.CancelAsync();
        }
    }
}
