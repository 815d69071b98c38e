namespace Clinic.Bot.Safety;

/// <summary>How serious a visitor message is, ordered by severity.</summary>
public enum TriageLevel
{
    /// <summary>Nothing safety-related.</summary>
    None = 0,

    /// <summary>A question or remark about a safety topic, not a disclosure ("is ketamine safe in pregnancy?").</summary>
    Informational = 1,

    /// <summary>The visitor (or someone they speak for) discloses a contraindication for ketamine treatment.</summary>
    Contraindication = 2,

    /// <summary>Suicidal or self-harm intent, an overdose or a medical emergency.</summary>
    Crisis = 3,
}
