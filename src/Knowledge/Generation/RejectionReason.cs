namespace Clinic.Knowledge.Generation;

/// <summary>Why the verifier cut a sentence of the model's answer.</summary>
public enum RejectionReason
{
    /// <summary>The sentence cites no passage.</summary>
    NoCitation,

    /// <summary>The sentence cites a passage number the prompt did not give.</summary>
    UnknownPassage,

    /// <summary>Too few of its content words are in the cited passages.</summary>
    Unsupported,

    /// <summary>It states a number, dose, duration, percentage or date the cited passages do not.</summary>
    NumberNotInPassage,

    /// <summary>It states a number about dosing, eligibility or cost without quoting the passage word for word.</summary>
    NotQuoted,

    /// <summary>It negates what the passage affirms, or affirms what the passage negates.</summary>
    Negation,

    /// <summary>It has no content words to check.</summary>
    Empty,
}
