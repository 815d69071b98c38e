namespace Clinic.Bot.Storage;

/// <summary>One message of a conversation.</summary>
public sealed record TranscriptEntry(TranscriptRole Role, string Text, DateTimeOffset At, string? ActivityId);
