using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Clinic.Bot.Cli;

/// <summary>
/// One simulated website visitor for <c>load</c>: a token, a conversation, and the bot's replies read as Web Chat
/// reads them, from the WebSocket stream (or, with polling, from GET activities with a watermark).
/// </summary>
internal sealed class LoadVisitor : IAsyncDisposable
{
    private static readonly TimeSpan ReplyTimeout = TimeSpan.FromSeconds(30);

    private readonly HttpClient _http;
    private readonly string _conversationId;
    private readonly string _token;
    private readonly ClientWebSocket? _socket;
    private readonly Task _receiving = Task.CompletedTask;
    private readonly Dictionary<string, TaskCompletionSource<long>> _replies = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _closing = new();
    private string? _watermark;

    private LoadVisitor(HttpClient http, string conversationId, string token, ClientWebSocket? socket)
    {
        (_http, _conversationId, _token, _socket) = (http, conversationId, token, socket);
        if (socket is not null)
            _receiving = ReceiveAsync(socket, _closing.Token);
    }

    public static async Task<LoadVisitor> StartAsync(HttpClient http, bool poll, CancellationToken ct)
    {
        using var tokenResponse = await http.PostAsync("/api/directline/token", null, ct);
        tokenResponse.EnsureSuccessStatusCode();
        var token = (await tokenResponse.Content.ReadFromJsonAsync<JsonObject>(ct))!["token"]!.GetValue<string>();
        using var start = Request(HttpMethod.Post, "/v3/directline/conversations", token);
        using var started = await http.SendAsync(start, ct);
        started.EnsureSuccessStatusCode();
        var body = (await started.Content.ReadFromJsonAsync<JsonObject>(ct))!;
        var conversationId = body["conversationId"]!.GetValue<string>();
        token = body["token"]?.GetValue<string>() ?? token;
        if (poll)
            return new LoadVisitor(http, conversationId, token, null);
        var socket = new ClientWebSocket();
        try
        {
            await socket.ConnectAsync(new Uri(body["streamUrl"]!.GetValue<string>()), ct);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
        return new LoadVisitor(http, conversationId, token, socket);
    }

    /// <summary>
    /// Posts <paramref name="question"/>; the milliseconds from <paramref name="due"/> (a <see cref="Stopwatch"/> timestamp,
    /// by default now) until the bot's reply arrived, or null for an error.
    /// </summary>
    public async Task<double?> AskAsync(string question, CancellationToken ct, long? due = null)
    {
        var start = due ?? Stopwatch.GetTimestamp();
        using var post = Request(HttpMethod.Post, $"/v3/directline/conversations/{_conversationId}/activities", _token);
        post.Content = JsonContent.Create(new { type = "message", from = new { id = "load-user", role = "user" }, text = question });
        using var posted = await _http.SendAsync(post, ct);
        if (!posted.IsSuccessStatusCode)
            return null;
        var id = (await posted.Content.ReadFromJsonAsync<JsonObject>(ct))!["id"]!.GetValue<string>();
        var arrived = _socket is null ? await PollAsync(id, ct) : await WaitForReplyAsync(id, ct);
        return arrived is { } at ? Stopwatch.GetElapsedTime(start, at).TotalMilliseconds : null;
    }

    private async Task<long?> WaitForReplyAsync(string activityId, CancellationToken ct)
    {
        var reply = Reply(activityId);
        try
        {
            return await reply.Task.WaitAsync(ReplyTimeout, ct);
        }
        catch (TimeoutException)
        {
            return null;
        }
        finally
        {
            lock (_replies)
                _replies.Remove(activityId);
        }
    }

    // The reply may arrive on the stream before the post's response does, so whoever comes first creates the entry.
    private TaskCompletionSource<long> Reply(string activityId)
    {
        lock (_replies)
        {
            if (!_replies.TryGetValue(activityId, out var reply))
                _replies[activityId] = reply = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
            return reply;
        }
    }

    private async Task ReceiveAsync(ClientWebSocket socket, CancellationToken ct)
    {
        var buffer = new byte[64 * 1024];
        using var frame = new MemoryStream();
        try
        {
            while (socket.State == WebSocketState.Open)
            {
                var result = await socket.ReceiveAsync(buffer, ct);
                if (result.MessageType == WebSocketMessageType.Close)
                    return;
                frame.Write(buffer, 0, result.Count);
                if (!result.EndOfMessage)
                    continue;
                var arrived = Stopwatch.GetTimestamp();
                // Empty frames are heartbeats.
                if (frame.Length > 0)
                {
                    using var set = JsonDocument.Parse(frame.GetBuffer().AsMemory(0, (int)frame.Length));
                    foreach (var activity in set.RootElement.GetProperty("activities").EnumerateArray())
                    {
                        if (IsBotMessage(activity) && activity.TryGetProperty("replyToId", out var replyTo) && replyTo.GetString() is { } id)
                            Reply(id).TrySetResult(arrived);
                    }
                }
                frame.SetLength(0);
            }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException or JsonException)
        {
            // The run is over or the server went away; unanswered turns time out and count as errors.
        }
    }

    private static bool IsBotMessage(JsonElement activity) =>
        activity.TryGetProperty("type", out var type) && type.ValueEquals("message")
        && activity.TryGetProperty("from", out var from) && from.TryGetProperty("role", out var role) && role.ValueEquals("bot");

    private async Task<long?> PollAsync(string activityId, CancellationToken ct)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(ReplyTimeout.TotalSeconds * Stopwatch.Frequency);
        for (var attempt = 0; Stopwatch.GetTimestamp() < deadline; attempt++)
        {
            using var get = Request(HttpMethod.Get, $"/v3/directline/conversations/{_conversationId}/activities" + (_watermark is null ? "" : $"?watermark={_watermark}"), _token);
            using var response = await _http.SendAsync(get, ct);
            if (!response.IsSuccessStatusCode)
                return null;
            var arrived = Stopwatch.GetTimestamp();
            using var set = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(ct), cancellationToken: ct);
            if (set.RootElement.TryGetProperty("watermark", out var watermark))
                _watermark = watermark.GetString();
            if (set.RootElement.GetProperty("activities").EnumerateArray()
                .Any(a => IsBotMessage(a) && a.TryGetProperty("replyToId", out var replyTo) && replyTo.ValueEquals(activityId)))
                return arrived;
            await Task.Delay(attempt < 20 ? 1 : 10, ct);
        }
        return null;
    }

    private static HttpRequestMessage Request(HttpMethod method, string path, string token)
    {
        var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return request;
    }

    public async ValueTask DisposeAsync()
    {
        if (_socket is not null)
        {
            try
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "done", timeout.Token);
            }
            catch (Exception e) when (e is WebSocketException or OperationCanceledException)
            {
                // Closing is a courtesy; the server notices the connection going either way.
            }
            await _closing.CancelAsync();
            await _receiving;
            _socket.Dispose();
        }
        _closing.Dispose();
    }
}
