using System.Text.Json;
using Clinic.Bot.Storage;

namespace Clinic.Bot.Escalation;

/// <summary>
/// What an alert shows, read from a stored escalation: the JSON columns parsed once, never throwing on odd data.
/// </summary>
/// <param name="IsReminder">This sink delivered the escalation before and it is still unacknowledged.</param>
public sealed record EscalationContent(
    string Id,
    string ConversationId,
    string Kind,
    int Priority,
    IReadOnlyList<string> Reasons,
    string TriggeringText,
    string TranscriptExcerpt,
    string? ContactPhone,
    string? ContactEmail,
    DateTimeOffset CreatedAt,
    bool IsReminder)
{
    public bool HasContact => ContactPhone is not null || ContactEmail is not null;

    /// <summary>"P3 crisis": the label subjects and cards lead with.</summary>
    public string Label => $"P{Priority} {Kind}";

    public static EscalationContent From(EscalationRecord record, string? sink = null)
    {
        ArgumentNullException.ThrowIfNull(record);
        var (phone, email) = ReadContact(record.ContactJson);
        var reminder = sink is not null && record.Deliveries.Any(d => d.Sink == sink && d.DeliveredAt is not null);
        return new EscalationContent(record.Id, record.ConversationId, record.Kind, record.Priority, ReadReasons(record.ReasonsJson),
            record.TriggeringText, record.TranscriptExcerpt, phone, email, record.CreatedAt, reminder);
    }

    /// <summary>A stable key for one reminder: the same on every retry of it, different from the first alert and other reminders.</summary>
    public static string? ReminderKey(EscalationRecord record, string sink)
    {
        var delivered = record.Deliveries.FirstOrDefault(d => d.Sink == sink)?.DeliveredAt;
        return delivered is { } at ? "reminder-" + at.ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture) : null;
    }

    private static IReadOnlyList<string> ReadReasons(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            return document.RootElement.ValueKind == JsonValueKind.Array
                ? document.RootElement.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!).ToList()
                : [];
        }
        catch (JsonException)
        {
            return [];
        }
    }

    private static (string? Phone, string? Email) ReadContact(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
            return (null, null);
        try
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
                return (null, null);
            string? Read(string name) => root.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String && v.GetString() is { Length: > 0 } s ? s : null;
            return (Read("phone"), Read("email"));
        }
        catch (JsonException)
        {
            return (null, null);
        }
    }
}
