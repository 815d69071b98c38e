namespace Clinic.Bot.Storage;

/// <summary>The latest rating of one answer.</summary>
public sealed record FeedbackRecord(string ConversationId, string AnswerId, FeedbackRating Rating, string? Comment, DateTimeOffset At);
