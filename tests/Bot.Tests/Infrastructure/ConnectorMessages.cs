using System.Text;
using System.Text.Json.Nodes;

namespace Clinic.Bot.Tests.Infrastructure;

/// <summary>Activities as the Bot Connector posts them to /api/messages (unauthenticated: the bot runs without an app id on loopback).</summary>
internal static class ConnectorMessages
{
    private static readonly HttpClient Client = new() { Timeout = TimeSpan.FromMinutes(2) };

    public static JsonObject Message(string serviceUrl, string conversationId, string text, string? id = null, string channelId = "webchat") => new()
    {
        ["type"] = "message",
        ["id"] = id ?? "msg-" + Guid.NewGuid().ToString("N"),
        ["channelId"] = channelId,
        ["serviceUrl"] = serviceUrl,
        ["from"] = new JsonObject { ["id"] = "visitor-1", ["name"] = "Visitor" },
        ["recipient"] = new JsonObject { ["id"] = "clinic-bot", ["name"] = "Clinic bot" },
        ["conversation"] = new JsonObject { ["id"] = conversationId },
        ["text"] = text,
    };

    public static Task<HttpResponseMessage> PostAsync(string botBaseUrl, JsonObject activity) =>
        Client.PostAsync(botBaseUrl + "/api/messages", new StringContent(activity.ToJsonString(), Encoding.UTF8, "application/json"));

    /// <summary>The texts of the messages the bot sent into a conversation through the channel stand-in.</summary>
    public static List<string> Replies(Protocol.FakeConnector channel, string conversationId) => channel.Requests
        .Where(r => r.RawTarget.Contains($"/conversations/{conversationId}/", StringComparison.Ordinal))
        .Select(r => JsonNode.Parse(r.Body)!)
        .Where(body => (string?)body["type"] == "message")
        .Select(body => (string?)body["text"] ?? "")
        .ToList();

    public static Task<HttpResponseMessage> PostAsync(string botBaseUrl, string serviceUrl, string conversationId, string text) =>
        PostAsync(botBaseUrl, Message(serviceUrl, conversationId, text));
}
