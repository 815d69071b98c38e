using System.Text.Json;
using System.Text.Json.Serialization;

namespace Clinic.Bot.Safety.Semantic;

/// <summary>
/// The crisis safety net's data file (crisis-net.json): a small network over Universal Sentence Encoder vectors
/// (<see cref="CrisisNetwork"/>), trained by <c>train-safety-net</c> on the labelled sets, plus the knobs a clinician can review.
/// </summary>
internal sealed record CrisisNetModel(
    string EmbeddingModel,
    double Threshold,
    int MinWords,
    IReadOnlyList<string> ExplicitWords,
    string TrainedOn,
    CrisisNetwork Network)
{
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        NumberHandling = JsonNumberHandling.Strict,
    };

    /// <summary>
    /// Reads and checks the file. With <paramref name="settingsOnly"/> (what <c>train-safety-net</c> keeps) the network
    /// may be missing or of an older kind, since it is about to be replaced.
    /// </summary>
    public static CrisisNetModel Load(string path, bool settingsOnly = false)
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

        return model is { Threshold: > 0 and < 1, MinWords: >= 1 } && model.ExplicitWords is not null && (settingsOnly || model.Network?.IsComplete == true)
            ? model with { Network = model.Network?.IsComplete == true ? model.Network : CrisisNetwork.Untrained }
            : throw new SafetyTermsException($"Crisis safety-net model '{path}' is incomplete (network weights, threshold in (0,1), minWords >= 1, explicitWords). Rebuild it with `train-safety-net`.");
    }

    public void Save(string path) => File.WriteAllText(path, JsonSerializer.Serialize(this, Json) + "\n");
}
