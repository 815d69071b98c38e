namespace Clinic.Bot.Storage.Sql;

/// <summary>The lowercase words stored for enums, so the database stays readable and CHECK constraints hold.</summary>
internal static class EnumText
{
    public static string From(EscalationStatus value) => value switch
    {
        EscalationStatus.Open => "open",
        EscalationStatus.Acknowledged => "acknowledged",
        EscalationStatus.Resolved => "resolved",
        _ => throw new ArgumentOutOfRangeException(nameof(value), value, "Unknown escalation status."),
    };

    public static EscalationStatus ToEscalationStatus(string text) => text switch
    {
        "open" => EscalationStatus.Open,
        "acknowledged" => EscalationStatus.Acknowledged,
        "resolved" => EscalationStatus.Resolved,
        _ => throw new InvalidDataException($"Unknown escalation status '{text}' in the database."),
    };

    public static DeliveryStatus ToDeliveryStatus(string text) => text switch
    {
        "pending" => DeliveryStatus.Pending,
        "delivered" => DeliveryStatus.Delivered,
        "failed" => DeliveryStatus.Failed,
        _ => throw new InvalidDataException($"Unknown delivery status '{text}' in the database."),
    };

    public static string From(TranscriptRole value) => value switch
    {
        TranscriptRole.User => "user",
        TranscriptRole.Bot => "bot",
        _ => throw new ArgumentOutOfRangeException(nameof(value), value, "Unknown transcript role."),
    };

    public static TranscriptRole ToTranscriptRole(string text) => text switch
    {
        "user" => TranscriptRole.User,
        "bot" => TranscriptRole.Bot,
        _ => throw new InvalidDataException($"Unknown transcript role '{text}' in the database."),
    };

    public static string From(FeedbackRating value) => value switch
    {
        FeedbackRating.Up => "up",
        FeedbackRating.Down => "down",
        _ => throw new ArgumentOutOfRangeException(nameof(value), value, "Unknown feedback rating."),
    };

    public static FeedbackRating ToFeedbackRating(string text) => text switch
    {
        "up" => FeedbackRating.Up,
        "down" => FeedbackRating.Down,
        _ => throw new InvalidDataException($"Unknown feedback rating '{text}' in the database."),
    };
}
