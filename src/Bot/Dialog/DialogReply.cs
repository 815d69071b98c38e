using Clinic.Bot.Turns;

namespace Clinic.Bot.Dialog;

/// <summary>One message the bot sends: plain text, or a turn's outcome with its citations and disclaimers.</summary>
public sealed record DialogReply(string Text, TurnOutcome? Outcome = null, IReadOnlyList<string>? Suggestions = null)
{
    /// <summary>The id feedback refers to; set for answers.</summary>
    public string? AnswerId { get; init; }
}
