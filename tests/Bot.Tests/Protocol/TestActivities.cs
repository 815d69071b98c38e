using System.Text.Json;

namespace Clinic.Bot.Tests.Protocol;

internal static class TestActivities
{
    public const string SecretText = "my private symptom details 7d1f";

    /// <summary>A Teams-like inbound message as JSON.</summary>
    public static string Message(string serviceUrl, string channelId = "msteams", string id = "1712345678901", string? text = SecretText, string type = "message") =>
        JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["type"] = type,
            ["id"] = id,
            ["timestamp"] = "2025-05-01T10:00:00.000Z",
            ["serviceUrl"] = serviceUrl,
            ["channelId"] = channelId,
            ["from"] = new { id = "29:user-1", name = "Pat", aadObjectId = "0b6a4d1e-0000-4000-8000-000000000001" },
            ["conversation"] = new { conversationType = "personal", tenantId = "72f988bf-0000-4000-8000-000000000002", id = "a:1conv-personal" },
            ["recipient"] = new { id = "28:" + BotTestHost.AppId, name = "Clinic Bot" },
            ["text"] = text,
            ["locale"] = "en-US",
            ["channelData"] = new { tenant = new { id = "72f988bf-0000-4000-8000-000000000002" } },
        });
}
