namespace Clinic.Bot.Safety.Terms;

internal enum SubjectMode
{
    /// <summary>The sentence decides whether the visitor, someone they speak for, or people in general are meant.</summary>
    Auto,

    /// <summary>Any occurrence is a disclosure (means-seeking such as "lethal dose").</summary>
    Any,
}

internal enum NegationMode
{
    /// <summary>Never negated: "I don't want to live" is a crisis phrase.</summary>
    None,

    /// <summary>Negated only by a negator right before it ("not suicidal", "no chest pain").</summary>
    Strict,

    /// <summary>Negated anywhere in the negator's scope ("I don't have glaucoma or heart disease").</summary>
    Scope,
}

/// <summary>A compiled rule of the terms file.</summary>
internal sealed record TermRule(
    string Id,
    TriageLevel Level,
    SubjectMode Subject,
    NegationMode Negation,
    bool Hypothetical,
    bool PastIsHistory);
