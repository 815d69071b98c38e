using Clinic.Bot.Safety.Analysis;

namespace Clinic.Bot.Safety;

/// <summary>
/// Deterministic safety triage, run on every visitor message before retrieval. Pure and thread-safe: register it as
/// a singleton. Crisis beats contraindication beats informational.
/// </summary>
public sealed class SafetyTriage(SafetyTerms terms)
{
    private readonly TriageAnalyzer _analyzer = new(terms ?? throw new ArgumentNullException(nameof(terms)));

    /// <summary>Triage using the terms file next to the application.</summary>
    public static SafetyTriage LoadDefault() => new(SafetyTerms.Load());

    /// <summary>Classifies one message. Never throws on any input (null, huge, invalid Unicode).</summary>
    public TriageResult Classify(string? text) => _analyzer.Classify(text);

    /// <summary>
    /// Classifies a message within a conversation: risk stated earlier stays in force. Pass the result stored for the
    /// conversation (the strongest so far) and store the returned one.
    /// </summary>
    public TriageResult Classify(string? text, TriageResult? earlier) => TriageResult.Strongest(earlier, Classify(text));
}
