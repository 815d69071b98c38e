namespace Clinic.Bot.Safety.Analysis;

internal enum Verdict
{
    /// <summary>The visitor, or someone they speak for, has this risk.</summary>
    Disclosure,

    /// <summary>The topic comes up without a disclosure (a question, a hypothetical, people in general).</summary>
    Mention,

    /// <summary>Denied: "I'm not pregnant".</summary>
    Negated,

    /// <summary>Not about a person at all ("my laptop won't wake up").</summary>
    Dropped,
}
