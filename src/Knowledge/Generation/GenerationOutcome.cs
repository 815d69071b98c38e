namespace Clinic.Knowledge.Generation;

/// <summary>What became of the attempt to have the model write an answer.</summary>
public enum GenerationOutcome
{
    /// <summary>The model's answer passed verification and was sent.</summary>
    Verified,

    /// <summary>Too little of the model's answer passed verification; the extractive answer was sent.</summary>
    TooLittleVerified,

    /// <summary>The model said the passages do not answer; the extractive answer was sent.</summary>
    NoAnswer,

    /// <summary>The model did not answer within the budget; the extractive answer was sent.</summary>
    TimedOut,

    /// <summary>The call failed (error status, malformed response, network); the extractive answer was sent.</summary>
    Failed,

    /// <summary>The circuit breaker is open, so no call was made; the extractive answer was sent.</summary>
    BreakerOpen,
}
