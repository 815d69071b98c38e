using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Clinic.Bot.Tests.DirectLine;

/// <summary>Speaks Direct Line 3.0 over HTTP the way a client would, returning the raw JSON for the tests to inspect.</summary>
internal sealed class DirectLineClient(HttpClient http)
{
    public sealed record Reply(HttpStatusCode Status, JsonElement Json, HttpResponseMessage Response);

    public sealed record Conversation(string ConversationId, string Token, string StreamUrl);

    public async Task<Reply> SendAsync(HttpMethod method, string path, string? token = null, string? body = null)
    {
        using var request = new HttpRequestMessage(method, path.TrimStart('/'));
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }
        var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        var json = text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
        return new Reply(response.StatusCode, json, response);
    }

    public async Task<JsonElement> GetWebsiteTokenAsync()
    {
        var reply = await SendAsync(HttpMethod.Post, "/api/directline/token");
        Assert.Equal(HttpStatusCode.OK, reply.Status);
        return reply.Json;
    }

    /// <summary>What Web Chat does first: a token from the website endpoint, then Start Conversation with it.</summary>
    public async Task<Conversation> StartAsync()
    {
        var website = await GetWebsiteTokenAsync();
        var started = await SendAsync(HttpMethod.Post, "/v3/directline/conversations", website.GetProperty("token").GetString(), "{}");
        Assert.Equal(HttpStatusCode.Created, started.Status);
        return new Conversation(
            started.Json.GetProperty("conversationId").GetString()!,
            started.Json.GetProperty("token").GetString()!,
            started.Json.GetProperty("streamUrl").GetString()!);
    }

    public async Task<string> PostMessageAsync(Conversation conversation, string text, string? clientActivityId = null)
    {
        var activity = JsonSerializer.Serialize(new
        {
            type = "message",
            text,
            from = new { id = "ignored-by-server", name = "Visitor", role = "user" },
            channelData = new { clientActivityID = clientActivityId ?? Guid.NewGuid().ToString("N") },
        });
        var reply = await SendAsync(HttpMethod.Post, $"/v3/directline/conversations/{conversation.ConversationId}/activities", conversation.Token, activity);
        Assert.Equal(HttpStatusCode.OK, reply.Status);
        return reply.Json.GetProperty("id").GetString()!;
    }

    public async Task<JsonElement> GetActivitiesAsync(Conversation conversation, string? watermark = null)
    {
        var query = watermark is null ? "" : "?watermark=" + watermark;
        var reply = await SendAsync(HttpMethod.Get, $"/v3/directline/conversations/{conversation.ConversationId}/activities{query}", conversation.Token);
        Assert.Equal(HttpStatusCode.OK, reply.Status);
        return reply.Json;
    }

    /// <summary>Polls (as DirectLineJS does) until an activity matches; gives up after a generous limit so a broken
    /// server fails the test instead of hanging it. Nothing is asserted about how long it took.</summary>
    public async Task<JsonElement> WaitForActivityAsync(Conversation conversation, Func<JsonElement, bool> match)
    {
        using var giveUp = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (true)
        {
            var set = await GetActivitiesAsync(conversation);
            foreach (var activity in set.GetProperty("activities").EnumerateArray())
            {
                if (match(activity))
                {
                    return activity;
                }
            }
            await Task.Delay(50, giveUp.Token);
        }
    }

    public static bool IsBotReplyTo(JsonElement activity, string id) =>
        activity.GetProperty("type").GetString() == "message"
        && activity.GetProperty("from").GetProperty("role").GetString() == "bot"
        && activity.TryGetProperty("replyToId", out var replyTo) && replyTo.GetString() == id;
}
