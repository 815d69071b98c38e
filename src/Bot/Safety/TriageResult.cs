namespace Clinic.Bot.Safety;

/// <summary>
/// The outcome of triage. Reasons are audit codes: rule and matched words, e.g. <c>crisis.suicidal-intent:"kill myself"</c>
/// for a disclosure, <c>mention.contra.pregnancy:"pregnancy"</c> or <c>info.topic:"contraindications"</c> for a mention.
/// </summary>
public sealed record TriageResult(TriageLevel Level, IReadOnlyList<string> Reasons)
{
    private const int MaxReasons = 32;

    public static TriageResult None { get; } = new(TriageLevel.None, []);

    /// <summary>True when staff must be alerted (crisis or contraindication).</summary>
    public bool Escalates => Level >= TriageLevel.Contraindication;

    /// <summary>
    /// Keeps risk stated earlier in a conversation in force: the level is the stronger of the two and the reasons of
    /// both are kept (earlier first), so a dialog can store the result of each turn and pass it to the next.
    /// </summary>
    public static TriageResult Strongest(TriageResult? earlier, TriageResult current)
    {
        ArgumentNullException.ThrowIfNull(current);
        if (earlier is null || earlier.Level == TriageLevel.None)
        {
            return current;
        }

        var level = earlier.Level > current.Level ? earlier.Level : current.Level;
        var reasons = earlier.Reasons.Concat(current.Reasons).Distinct(StringComparer.Ordinal).Take(MaxReasons).ToArray();
        return new TriageResult(level, reasons);
    }
}
