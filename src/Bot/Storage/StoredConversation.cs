namespace Clinic.Bot.Storage;

/// <summary>A conversation's saved state; pass <see cref="ETag"/> back in the next <see cref="TurnWrite"/>.</summary>
public sealed record StoredConversation(string ConversationId, string ChannelId, string StateJson, string ETag, DateTimeOffset UpdatedAt);
