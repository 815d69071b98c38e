namespace Clinic.Bot.Storage;

/// <summary>Who wrote a transcript entry.</summary>
public enum TranscriptRole
{
    User,
    Bot,
}
