using System.Text.Json;
using System.Text.Json.Serialization;

namespace Clinic.Bot.Escalation.Teams;

/// <summary>Where the alert card lives in Teams: the thread's conversation id and the card's activity id. Stored as the delivery's external id.</summary>
internal sealed record TeamsCardRef(
    [property: JsonPropertyName("c")] string ConversationId,
    [property: JsonPropertyName("a")] string? ActivityId)
{
    public override string ToString() => JsonSerializer.Serialize(this);

    public static TeamsCardRef? Parse(string? externalId)
    {
        if (string.IsNullOrEmpty(externalId) || externalId[0] != '{')
            return null;
        try
        {
            return JsonSerializer.Deserialize<TeamsCardRef>(externalId) is { ConversationId.Length: > 0 } card ? card : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
