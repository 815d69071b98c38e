namespace Clinic.Bot.Storage;

/// <summary>Rows removed by a retention purge.</summary>
public sealed record PurgeResult(int TranscriptEntries, int Conversations, int Feedback, int Escalations);
