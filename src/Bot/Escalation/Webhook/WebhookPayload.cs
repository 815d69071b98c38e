using System.Text.Json.Serialization;

namespace Clinic.Bot.Escalation.Webhook;

/// <summary>The JSON body POSTed to the webhook. Stable contract for receivers: add fields, never rename.</summary>
public sealed record WebhookPayload(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("kind")] string Kind,
    [property: JsonPropertyName("priority")] int Priority,
    [property: JsonPropertyName("reasons")] IReadOnlyList<string> Reasons,
    [property: JsonPropertyName("triggeringText")] string TriggeringText,
    [property: JsonPropertyName("transcriptExcerpt")] string TranscriptExcerpt,
    [property: JsonPropertyName("contact")] WebhookContact? Contact,
    [property: JsonPropertyName("createdAt")] DateTimeOffset CreatedAt,
    [property: JsonPropertyName("conversationId")] string ConversationId,
    [property: JsonPropertyName("reminder")] bool Reminder,
    [property: JsonPropertyName("sentAt")] DateTimeOffset SentAt);

public sealed record WebhookContact(
    [property: JsonPropertyName("phone")] string? Phone,
    [property: JsonPropertyName("email")] string? Email);
