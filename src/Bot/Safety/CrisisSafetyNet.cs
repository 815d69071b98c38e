using System.Text.RegularExpressions;
using Clinic.Bot.Safety.Semantic;
using Clinic.Bot.Safety.Text;
using Clinic.Knowledge.Embeddings;

namespace Clinic.Bot.Safety;

/// <summary>
/// The second line of crisis triage. The rules handle what people say outright, with negation and idioms; people in
/// crisis often only hint ("I won't need my appointments after this weekend", "I've been holding the bottle all night").
/// This net scores each sentence's meaning with a small network over sentence embeddings, and is consulted only
/// when the rules found nothing and judged no crisis wording (no crisis rule or idiom matched: "I'm not suicidal" and
/// "my back is killing me" are the rules' call). It can only raise a message to crisis, never lower a verdict.
/// Deterministic: same text, same answer.
/// </summary>
public sealed partial class CrisisSafetyNet
{
    private readonly CrisisNetModel _model;
    private readonly UniversalSentenceEncoder _encoder;
    private readonly Regex? _explicit;

    private CrisisSafetyNet(CrisisNetModel model, UniversalSentenceEncoder encoder)
    {
        if (model.Network.Inputs != UniversalSentenceEncoder.Dimensions || model.EmbeddingModel != UniversalSentenceEncoder.ModelId)
            throw new SafetyTermsException($"The crisis safety net was trained on {model.EmbeddingModel} ({model.Network.Inputs} dimensions), not {UniversalSentenceEncoder.ModelId}. Rebuild it with `train-safety-net`.");
        _model = model;
        _encoder = encoder;
        var words = model.ExplicitWords.Where(w => w.Trim('*').Length > 0).Select(w => w.EndsWith('*') ? Regex.Escape(w[..^1]) + @"\w*" : Regex.Escape(w)).ToList();
        _explicit = words.Count == 0 ? null : new Regex(@"\b(?:" + string.Join('|', words) + @")\b", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);
    }

    /// <summary>Where the build puts the model: <c>Safety/crisis-net.json</c> next to the application.</summary>
    public static string DefaultPath => Path.Combine(AppContext.BaseDirectory, "Safety", "crisis-net.json");

    /// <summary>The score at or above which a message is a crisis.</summary>
    public double Threshold => _model.Threshold;

    /// <summary>Loads the model file; the encoder is the local one, whatever embeddings retrieval is configured to use.</summary>
    public static CrisisSafetyNet Load(UniversalSentenceEncoder encoder, string? path = null) =>
        new(CrisisNetModel.Load(string.IsNullOrWhiteSpace(path) ? DefaultPath : path), encoder);

    /// <summary>The crisis result for a message the rules left at <see cref="TriageLevel.None"/>, or null.</summary>
    public TriageResult? Assess(string? text) =>
        Candidate(text) is { } normalized ? Verdict(Score(_encoder.Embed(Parts(normalized).ToList()))) : null;

    /// <summary>
    /// <see cref="Assess"/> for a request path: the same verdict, but the embedding pass may be shared with concurrent
    /// turns (see <see cref="UniversalSentenceEncoder.EmbedAsync"/>).
    /// </summary>
    public async Task<TriageResult?> AssessAsync(string? text, CancellationToken cancellationToken) =>
        Candidate(text) is { } normalized ? Verdict(Score(await _encoder.EmbedAsync(Parts(normalized).ToList(), cancellationToken))) : null;

    /// <summary>The highest crisis probability over the message and each of its sentences (a long message can bury one).</summary>
    internal double Score(string normalized) => Score(_encoder.Embed(Parts(normalized).ToList()));

    // The normalized text when the net has something to judge: enough words and none the rules already judged.
    private string? Candidate(string? text)
    {
        var normalized = TextNormalizer.Normalize(text);
        return Words().Count(normalized) < _model.MinWords || _explicit?.IsMatch(normalized) == true ? null : normalized;
    }

    private TriageResult? Verdict(double score) => score >= _model.Threshold
        ? new TriageResult(TriageLevel.Crisis, [$"crisis.semantic-net:score={score.ToString("F2", System.Globalization.CultureInfo.InvariantCulture)}"])
        : null;

    // One batch: the encoder spreads the sentences over the cores.
    private double Score(float[][] vectors)
    {
        var best = 0.0;
        foreach (var vector in vectors)
            best = Math.Max(best, _model.Network.Probability(vector));
        return best;
    }

    internal static IEnumerable<string> Parts(string normalized)
    {
        var sentences = SentenceBreak().Split(normalized).Where(s => Words().Count(s) >= 2).ToList();
        return sentences.Count <= 1 ? [normalized] : sentences.Prepend(normalized);
    }

    [GeneratedRegex(@"(?<=[.!?])\s+|\n+")]
    private static partial Regex SentenceBreak();

    [GeneratedRegex(@"\w+")]
    private static partial Regex Words();
}
