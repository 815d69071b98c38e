using System.Text.Json;
using Clinic.Bot.Protocol;
using Clinic.Bot.Storage;

namespace Clinic.Bot.Bot;

/// <summary>Stores the thumbs up/down the chat page sends as <c>{type: "event", name: "feedback", value: {answerId, rating}}</c>.</summary>
internal static class FeedbackEvent
{
    public static async Task<bool> RecordAsync(IConversationStore store, Activity activity, DateTimeOffset now, CancellationToken ct)
    {
        if (activity.Value is not { ValueKind: JsonValueKind.Object } value
            || !value.TryGetProperty("answerId", out var id) || id.ValueKind != JsonValueKind.String || id.GetString() is not { Length: > 0 and <= 100 } answerId
            || !value.TryGetProperty("rating", out var r) || r.ValueKind != JsonValueKind.String)
            return false;
        FeedbackRating? rating = r.GetString() switch
        {
            "up" => FeedbackRating.Up,
            "down" => FeedbackRating.Down,
            _ => null,
        };
        if (rating is null)
            return false;
        var comment = value.TryGetProperty("comment", out var c) && c.ValueKind == JsonValueKind.String ? c.GetString()?[..Math.Min(c.GetString()!.Length, 1000)] : null;
        await store.RecordFeedbackAsync(activity.Conversation!.Id!, answerId, rating.Value, comment, now, ct);
        return true;
    }
}
