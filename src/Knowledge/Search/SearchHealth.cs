using Clinic.Knowledge.Resilience;

namespace Clinic.Knowledge.Search;

/// <summary>
/// Azure AI Search's health: degraded while queries fail (the breaker is open or a call failed recently) or while the
/// index has not been uploaded, when questions are declined with an offer of staff.
/// </summary>
/// <param name="time">The clock that dates failures.</param>
public sealed class SearchHealth(TimeProvider time) : DependencyHealth(
    time, "declining questions until Azure AI Search recovers", "the last query to Azure AI Search failed: declining questions")
{
    private volatile string? _unsynced = "the Azure AI Search index has not been checked or uploaded yet";

    /// <summary>A health tracker on the system clock.</summary>
    public SearchHealth() : this(TimeProvider.System)
    {
    }

    /// <inheritdoc />
    public override string? Degradation(TimeSpan recent) => base.Degradation(recent) ?? _unsynced;

    internal void Synced() => _unsynced = null;

    internal void SyncFailed(string why) => _unsynced = "the Azure AI Search index could not be prepared: " + why;
}
