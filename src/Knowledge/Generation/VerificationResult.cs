namespace Clinic.Knowledge.Generation;

/// <summary>What survived verification, and what was cut and why.</summary>
/// <param name="Kept">The supported sentences, in the model's order.</param>
/// <param name="Rejected">Why each cut sentence was cut.</param>
internal sealed record VerificationResult(IReadOnlyList<ModelSentence> Kept, IReadOnlyList<RejectionReason> Rejected)
{
    public int Total => Kept.Count + Rejected.Count;
}
