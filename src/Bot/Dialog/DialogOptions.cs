namespace Clinic.Bot.Dialog;

/// <summary>The dialog's visitor-facing texts (section <c>Dialog</c>); every text is the clinic's to change.</summary>
public sealed class DialogOptions
{
    public string ClinicName { get; set; } = "our clinic";

    public string Greeting { get; set; } =
        "Hello, I'm {clinic}'s FAQ assistant. I answer questions about ketamine therapy from our clinic's information. " +
        "If you're in crisis, call or text 988, or call 911 in an emergency.";

    public List<string> SuggestedQuestions { get; set; } =
    [
        "How is ketamine given?",
        "What are the side effects?",
        "Who should not have ketamine?",
        "Does insurance cover ketamine therapy?",
    ];

    public string Help { get; set; } =
        "Ask me anything about ketamine therapy at {clinic}, for example how it is given, side effects, or who can have it. " +
        "Say \"talk to a person\" to reach our staff, or \"start over\" to begin again.";

    public string StartedOver { get; set; } = "Okay, let's start over. What would you like to know?";

    public string StaffRequested { get; set; } =
        "I've asked a member of our staff to get in touch. If you'd like them to reach you directly, you can type a phone number or email address, or say \"no thanks\".";

    public string StaffAlreadyRequested { get; set; } = "I've already let our staff know; they will be in touch. Is there anything else I can help with?";

    public string ContactSaved { get; set; } = "Thank you. Our team will use those details only to contact you about this.";

    public string ContactDeclined { get; set; } = "That's fine. You can ask me anything else, or call the clinic when it suits you.";

    public string ContactNotUnderstood { get; set; } =
        "That doesn't look like a phone number or email address. You can type it again, or say \"no thanks\".";

    public string OfferContact { get; set; } = "Would you like a member of our clinical team to contact you?";

    public string TurnFailed { get; set; } =
        "I'm sorry, something went wrong on our side while answering. Please try again in a moment. If you need help now, call or text 988, or call 911 in an emergency.";

    public string FeedbackThanks { get; set; } = "Thanks for your feedback.";

    /// <summary>Replaces <c>{clinic}</c> with the clinic's name.</summary>
    public string Format(string text) => text.Replace("{clinic}", ClinicName, StringComparison.Ordinal);
}
