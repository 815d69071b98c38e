using System.Text.Json;

namespace Clinic.Bot.Protocol;

/// <summary>Microsoft Teams conventions layered on the activity.</summary>
public static class TeamsActivity
{
    public const string ChannelId = "msteams";
    private const string ThreadMarker = ";messageid=";

    /// <summary>
    /// The message text without the bot's own @mention (the mention entity whose mentioned.id is the
    /// recipient), trimmed. Other people's mentions stay. A message that was only the mention gives "".
    /// Does not change the activity.
    /// </summary>
    public static string RemoveBotMention(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var text = activity.Text ?? string.Empty;
        var botId = activity.Recipient?.Id;
        if (string.IsNullOrEmpty(botId) || activity.Entities is null)
        {
            return text.Trim();
        }

        foreach (var entity in activity.Entities)
        {
            if (MentionTextFor(entity, botId) is { Length: > 0 } mentionText)
            {
                text = text.Replace(mentionText, string.Empty, StringComparison.Ordinal);
            }
        }

        return text.Trim();
    }

    /// <summary>
    /// The conversation id a reply must use to land in the thread. Teams already sends channel posts with
    /// "19:...@thread.tacv2;messageid=ROOT" and that value is kept verbatim; a channel conversation id without
    /// the marker gets ";messageid={activity.id}" so the reply threads under the post instead of starting a new one.
    /// </summary>
    public static string? ThreadConversationId(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var id = activity.Conversation?.Id;
        if (id is null
            || activity.ChannelId != ChannelId
            || activity.Conversation?.ConversationType != "channel"
            || id.Contains(ThreadMarker, StringComparison.Ordinal)
            || string.IsNullOrEmpty(activity.Id))
        {
            return id;
        }

        return id + ThreadMarker + activity.Id;
    }

    private static string? MentionTextFor(JsonElement entity, string botId)
    {
        if (entity.ValueKind != JsonValueKind.Object
            || !entity.TryGetProperty("type", out var type) || type.ValueKind != JsonValueKind.String
            || type.GetString() != "mention"
            || !entity.TryGetProperty("mentioned", out var mentioned) || mentioned.ValueKind != JsonValueKind.Object
            || !mentioned.TryGetProperty("id", out var id) || id.ValueKind != JsonValueKind.String
            || id.GetString() != botId
            || !entity.TryGetProperty("text", out var text) || text.ValueKind != JsonValueKind.String)
        {
            return null;
        }

        return text.GetString();
    }
}
