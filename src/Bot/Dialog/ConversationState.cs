using Clinic.Bot.Safety;

namespace Clinic.Bot.Dialog;

/// <summary>What the FAQ dialog remembers between turns of one conversation; stored as JSON with an ETag.</summary>
public sealed record ConversationState
{
    public bool Greeted { get; init; }

    /// <summary>The last question answered, so "and the nasal spray?" can lean on it.</summary>
    public string? LastQuestion { get; init; }

    /// <summary>The strongest triage level reached so far: risk stated once stays in force for later turns.</summary>
    public TriageLevel StrongestLevel { get; init; } = TriageLevel.None;

    /// <summary>The reason codes behind <see cref="StrongestLevel"/>.</summary>
    public IReadOnlyList<string> StrongestReasons { get; init; } = [];

    /// <summary>The escalation waiting for the visitor's optional contact details, if any.</summary>
    public string? AwaitingContactFor { get; init; }

    /// <summary>Set once a staff request was recorded, so repeated asks do not page staff again.</summary>
    public bool StaffRequested { get; init; }

    public int Turns { get; init; }
}
