using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Clinic.Bot.Tests.App;

/// <summary>One website visitor talking to the bot over the Direct Line 3.0 REST API.</summary>
public sealed class Visitor(HttpClient http, string conversationId, string token)
{
    private string? _watermark;

    public string ConversationId => conversationId;

    public string Token => token;

    /// <summary>Sends a message and returns the bot's message replies to it (typing left out).</summary>
    public async Task<List<JsonObject>> AskAsync(string text) =>
        await SendAsync(new { type = "message", from = new { id = "visitor" }, text });

    public async Task<List<JsonObject>> SendAsync(object activity)
    {
        using var post = Request(HttpMethod.Post, $"/v3/directline/conversations/{conversationId}/activities");
        post.Content = JsonContent.Create(activity);
        var posted = await http.SendAsync(post);
        posted.EnsureSuccessStatusCode();
        var id = (await posted.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<string>();
        var replies = new List<JsonObject>();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            var batch = await ReadAsync();
            replies.AddRange(batch.Where(a => a["replyToId"]?.GetValue<string>() == id && a["type"]?.GetValue<string>() == "message"));
            // The turn's replies arrive together once its state is saved; give stragglers one more read.
            if (replies.Count > 0)
            {
                await Task.Delay(200);
                replies.AddRange((await ReadAsync()).Where(a => a["replyToId"]?.GetValue<string>() == id && a["type"]?.GetValue<string>() == "message"));
                return replies;
            }
            await Task.Delay(50);
        }
        return replies;
    }

    private async Task<List<JsonObject>> ReadAsync()
    {
        using var get = Request(HttpMethod.Get, $"/v3/directline/conversations/{conversationId}/activities" + (_watermark is null ? "" : $"?watermark={_watermark}"));
        var response = await http.SendAsync(get);
        response.EnsureSuccessStatusCode();
        var set = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        _watermark = set["watermark"]?.GetValue<string>() ?? _watermark;
        return set["activities"]!.AsArray().OfType<JsonObject>().ToList();
    }

    private HttpRequestMessage Request(HttpMethod method, string path)
    {
        var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return request;
    }
}
