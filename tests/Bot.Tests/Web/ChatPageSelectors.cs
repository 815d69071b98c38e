namespace Clinic.Bot.Tests.Web;

/// <summary>
/// Stable hooks into the chat page for browser tests. Ours are data-testid attributes set by wwwroot/index.html and app.js;
/// Web Chat's own are its documented class names and ARIA roles.
/// </summary>
internal static class ChatPageSelectors
{
    public const string ClinicName = "[data-testid=clinic-name]";
    public const string WelcomeMessage = "[data-testid=welcome-message]";
    public const string CrisisNotice = "[data-testid=crisis-notice]";
    public const string SuggestedQuestion = "[data-testid=suggested-question]";
    public const string PageStatus = "[data-testid=page-status]";

    /// <summary>Wraps a bot answer that carries channelData.clinic: Web Chat's rendering plus <see cref="AnswerExtras"/>.</summary>
    public const string Answer = ".clinic-answer";
    public const string AnswerExtras = "[data-testid=answer-extras]";
    public const string Sources = "[data-testid=answer-sources]";
    public const string Citation = "[data-testid=answer-citation]";
    public const string CitationTitle = "[data-testid=citation-title]";
    public const string CitationSection = "[data-testid=citation-section]";
    public const string CitationQuote = "[data-testid=citation-quote]";
    public const string Disclaimer = "[data-testid=answer-disclaimer]";
    public const string Feedback = "[data-testid=answer-feedback]";
    public const string FeedbackUp = "[data-testid=feedback-up]";
    public const string FeedbackDown = "[data-testid=feedback-down]";
    public const string FeedbackThanks = "[data-testid=feedback-thanks]";

    /// <summary>Web Chat's send box and its message bubbles (Web Chat 4.18 class names).</summary>
    public const string SendBox = "[data-testid=webchat] textarea, [data-testid=webchat] input[type=text]";
    public const string BotBubble = ".webchat__bubble:not(.webchat__bubble--from-user)";
    public const string UserBubble = ".webchat__bubble.webchat__bubble--from-user";
}
