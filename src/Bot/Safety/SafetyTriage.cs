using Clinic.Bot.Safety.Analysis;
using Clinic.Knowledge.Embeddings;

namespace Clinic.Bot.Safety;

/// <summary>
/// Deterministic safety triage, run on every visitor message before retrieval. Pure and thread-safe: register it as
/// a singleton. Crisis beats contraindication beats informational. The rules decide; the optional
/// <see cref="CrisisSafetyNet"/> may only raise a message the rules left at none to crisis.
/// </summary>
public sealed class SafetyTriage(SafetyTerms terms, CrisisSafetyNet? safetyNet = null)
{
    private readonly TriageAnalyzer _analyzer = new(terms ?? throw new ArgumentNullException(nameof(terms)));

    /// <summary>Triage with the terms file and the crisis safety net next to the application.</summary>
    public static SafetyTriage LoadDefault() => new(SafetyTerms.Load(), CrisisSafetyNet.Load(new UniversalSentenceEncoder()));

    /// <summary>True when the semantic crisis net is consulted.</summary>
    public bool HasSafetyNet => safetyNet is not null;

    /// <summary>Classifies one message. Never throws on any input (null, huge, invalid Unicode).</summary>
    public TriageResult Classify(string? text)
    {
        var result = _analyzer.Classify(text, out var judged);
        return result.Level == TriageLevel.None && !judged && safetyNet?.Assess(text) is { } hinted ? hinted : result;
    }

    /// <summary>
    /// <see cref="Classify(string?)"/> for a request path: the same result, but the safety net's embedding pass may be
    /// shared with concurrent turns. Cancellation only stops the wait for the safety net.
    /// </summary>
    public async Task<TriageResult> ClassifyAsync(string? text, CancellationToken cancellationToken)
    {
        var result = _analyzer.Classify(text, out var judged);
        return result.Level == TriageLevel.None && !judged && safetyNet is not null && await safetyNet.AssessAsync(text, cancellationToken) is { } hinted ? hinted : result;
    }

    /// <summary>
    /// Classifies a message within a conversation: risk stated earlier stays in force. Pass the result stored for the
    /// conversation (the strongest so far) and store the returned one.
    /// </summary>
    public TriageResult Classify(string? text, TriageResult? earlier) => TriageResult.Strongest(earlier, Classify(text));
}
