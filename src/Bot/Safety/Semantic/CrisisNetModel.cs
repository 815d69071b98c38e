using System.Text.Json;
using System.Text.Json.Serialization;

namespace Clinic.Bot.Safety.Semantic;

/// <summary>
/// The crisis safety net's data file (crisis-net.json): a logistic regression over Universal Sentence Encoder vectors,
/// trained by <c>train-safety-net</c> on the labelled dev set, plus the knobs a clinician can review.
/// </summary>
internal sealed record CrisisNetModel(
    string EmbeddingModel,
    double Threshold,
    int MinWords,
    IReadOnlyList<string> ExplicitWords,
    string TrainedOn,
    double Bias,
    float[] Weights)
{
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        NumberHandling = JsonNumberHandling.Strict,
    };

    public static CrisisNetModel Load(string path)
    {
        CrisisNetModel? model;
        try
        {
            model = JsonSerializer.Deserialize<CrisisNetModel>(File.ReadAllText(path), Json);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException)
        {
            throw new SafetyTermsException($"Crisis safety-net model '{path}' could not be read: {e.Message} (set Safety:SafetyNetPath, or rebuild it with `train-safety-net`).", e);
        }

        return model is { Weights.Length: > 0, Threshold: > 0 and < 1, MinWords: >= 1 } && model.ExplicitWords is not null
            ? model
            : throw new SafetyTermsException($"Crisis safety-net model '{path}' is incomplete (weights, threshold in (0,1), minWords >= 1, explicitWords). Rebuild it with `train-safety-net`.");
    }

    public void Save(string path) => File.WriteAllText(path, JsonSerializer.Serialize(this, Json) + "\n");
}
