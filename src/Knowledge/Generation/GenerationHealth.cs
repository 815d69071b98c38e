using Clinic.Knowledge.Resilience;

namespace Clinic.Knowledge.Generation;

/// <summary>The model's health: degraded while it is unavailable, when answers are extractive.</summary>
/// <param name="time">The clock that dates failures.</param>
public sealed class GenerationHealth(TimeProvider time) : DependencyHealth(
    time, "answering extractively until the model recovers", "the last call to the model failed: answering extractively")
{
    /// <summary>A health tracker on the system clock.</summary>
    public GenerationHealth() : this(TimeProvider.System)
    {
    }
}
