namespace Clinic.Bot.Storage;

/// <summary>The outcome of <see cref="IConversationStore.SaveTurnAsync"/>.</summary>
public abstract record SaveResult
{
    private SaveResult()
    {
    }

    /// <summary>Everything was written; <paramref name="ETag"/> guards the next write.</summary>
    public sealed record Saved(string ETag) : SaveResult;

    /// <summary>Another writer changed (or created) the conversation first; nothing was written. Reload and retry.</summary>
    public sealed record Conflict : SaveResult;
}
