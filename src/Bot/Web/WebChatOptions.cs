namespace Clinic.Bot.Web;

/// <summary>How the clinic's chat page looks and greets visitors, bound from the <c>Web</c> section.</summary>
public sealed class WebChatOptions
{
    public const string Section = "Web";

    public static readonly string[] DefaultSuggestedQuestions =
    [
        "What is ketamine therapy?",
        "How quickly can ketamine help with depression?",
        "What side effects can ketamine cause?",
        "Can ketamine help with PTSD?",
    ];

    public string ClinicName { get; set; } = "Ketamine Therapy Clinic";

    /// <summary>Accent colour as <c>#RRGGBB</c>; white text sits on it, so it must contrast at least 4.5:1 with white.</summary>
    public string AccentColor { get; set; } = "#1F6F78";

    public string WelcomeMessage { get; set; } =
        "Hello. I can answer questions about ketamine therapy using the clinic's own information. " +
        "I can't give medical advice or see your records; for anything about your own care, please talk to our team.";

    /// <summary>Questions offered as one-tap buttons (up to 4). Unset: <see cref="DefaultSuggestedQuestions"/>.</summary>
    public string[]? SuggestedQuestions { get; set; }

    /// <summary>Always-visible line telling people in crisis where to get help now. Empty hides it.</summary>
    public string? CrisisNotice { get; set; } =
        "If you are in crisis or thinking about harming yourself, call or text 988 (Suicide & Crisis Lifeline). In an emergency, call 911.";

    /// <summary>Language of the page and of Web Chat's built-in strings.</summary>
    public string Locale { get; set; } = "en-US";
}
