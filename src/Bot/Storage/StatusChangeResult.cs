namespace Clinic.Bot.Storage;

/// <summary>The outcome of a staff status change.</summary>
public enum StatusChangeResult
{
    /// <summary>The status changed and an audit row was written.</summary>
    Changed,
    /// <summary>The escalation already had that status; nothing was written.</summary>
    Unchanged,
    NotFound,
}
