using System.Security.Cryptography;
using System.Text;

namespace Clinic.Bot.Protocol.Hosting;

public static class InboundActivityKey
{
    /// <summary>
    /// A fixed-length key for (channelId, conversation id, activity id), or null when the activity has no id
    /// (such activities cannot be told apart and are always processed). Hashed, so stores never hold raw ids.
    /// </summary>
    public static string? For(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (string.IsNullOrEmpty(activity.Id))
        {
            return null;
        }

        var raw = $"{activity.ChannelId}\n{activity.Conversation?.Id}\n{activity.Id}";
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(raw)));
    }
}
