namespace Clinic.Knowledge.Answers;

/// <summary>Why no answer was given.</summary>
public enum DeclineReason
{
    /// <summary>The question was empty or only white space.</summary>
    Empty,

    /// <summary>The question was longer than the configured limit.</summary>
    TooLong,

    /// <summary>The question was not readable text (control characters, binary).</summary>
    NotText,

    /// <summary>The message tried to change the bot's instructions.</summary>
    Injection,

    /// <summary>Small talk with nothing to look up.</summary>
    ChitChat,

    /// <summary>Nothing in the corpus answers it well enough.</summary>
    NotInCorpus,

    /// <summary>The search service (Azure AI Search) could not be asked; the question may well be answerable later.</summary>
    SearchUnavailable,
}
