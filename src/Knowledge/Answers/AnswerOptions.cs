namespace Clinic.Knowledge.Answers;

/// <summary>How answers are composed and worded (section <c>Knowledge:Answers</c>). Every visitor-facing text is configurable.</summary>
public sealed class AnswerOptions
{
    /// <summary>Sentences an answer may quote.</summary>
    public int MaxSentences { get; set; } = 3;

    /// <summary>Below this best cosine similarity the corpus is taken not to answer, whatever the words say.</summary>
    public double MinSimilarity { get; set; } = 0.28;

    /// <summary>Share (by IDF weight) of the question's words that the best passage must contain.</summary>
    public double MinCoverage { get; set; } = 0.46;

    /// <summary>Above this (mean-centred) similarity, a lower coverage (<see cref="ConfidentMinCoverage"/>) suffices.</summary>
    public double ConfidentSimilarity { get; set; } = 0.52;

    /// <summary>The coverage needed when similarity is confident; below it the question's main words are simply not in the corpus.</summary>
    public double ConfidentMinCoverage { get; set; } = 0.22;

    /// <summary>
    /// Weight of a word the corpus lacks that names no topic (mainly a verb, or a number), as a share of a missing noun's.
    /// </summary>
    public double MinorTermWeight { get; set; } = 0.5;

    /// <summary>Opens every answer.</summary>
    public string LeadIn { get; set; } = "Here is what our clinic's information says:";

    /// <summary>Said when the corpus does not answer the question.</summary>
    public string DeclineNotInCorpus { get; set; } =
        "I'm sorry, I couldn't find that in our clinic's information, and I only answer from it. Would you like me to connect you with a member of our staff?";

    /// <summary>Said when the search service cannot be asked (Azure AI Search down); the bot cannot look anything up.</summary>
    public string DeclineSearchUnavailable { get; set; } =
        "I'm sorry, I can't look that up right now. Would you like me to connect you with a member of our staff, or try again in a few minutes?";

    /// <summary>Said to small talk.</summary>
    public string DeclineChitChat { get; set; } =
        "I'm the clinic's FAQ assistant. I can answer questions about ketamine therapy from our clinic's information, or connect you with our staff.";

    /// <summary>Said when a message tries to change the bot's instructions.</summary>
    public string DeclineInjection { get; set; } =
        "I can only answer questions about our clinic's ketamine therapy from our clinic's information. Would you like me to connect you with a member of our staff?";

    /// <summary>Said to an empty message.</summary>
    public string DeclineEmpty { get; set; } = "Please type a question, for example: \"What are the side effects of ketamine?\"";

    /// <summary>Said to a message over the length limit.</summary>
    public string DeclineTooLong { get; set; } = "That message is too long for me. Please ask one question in a few sentences.";

    /// <summary>Said to a message that is not readable text.</summary>
    public string DeclineNotText { get; set; } = "I couldn't read that message. Please type your question in plain text.";

    /// <summary>Shown with every medical answer.</summary>
    public string GeneralDisclaimer { get; set; } =
        "This is general educational information, not medical advice. Please talk with your clinician about your own situation.";

    /// <summary>Added when the question or answer is about dose.</summary>
    public string DosingDisclaimer { get; set; } = "Your clinician decides the dose for you after an assessment; never change a dose on your own.";

    /// <summary>Added when the question is about driving.</summary>
    public string DrivingDisclaimer { get; set; } =
        "Do not drive or operate heavy machinery for at least 24 hours after a ketamine treatment; plan a ride home.";

    /// <summary>Added when the question or answer is about off-label use.</summary>
    public string OffLabelDisclaimer { get; set; } =
        "Ketamine for depression is often prescribed off label (not FDA-approved for that use); your clinician can explain what this means for you.";
}
