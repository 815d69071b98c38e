namespace Clinic.Bot.Storage;

/// <summary>A visitor's thumbs up or down on an answer.</summary>
public enum FeedbackRating
{
    Up,
    Down,
}
