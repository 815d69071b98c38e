using Clinic.Bot.Safety;
using Clinic.Bot.Safety.Evaluation;
using Clinic.Bot.Safety.Semantic;
using Clinic.Bot.Safety.Text;
using Clinic.Knowledge.Embeddings;

namespace Clinic.Bot.Cli;

/// <summary>
/// <c>train-safety-net [data.jsonl ...] [--out crisis-net.json] [--epochs N]</c>: retrains the crisis safety net's weights from
/// labelled sets, keeping the reviewed knobs (threshold, explicit words) of the existing file. The defaults are the
/// triage dev set, the third blind set (after it was measured), the training-only set, half of the everyday logistics
/// set (the other half measures false alarms) and in-domain negatives: every FAQ question and every sentence of the
/// clinic corpus (regenerate eval/safety-corpus-negatives.jsonl when the corpus changes), none of them a disclosure.
/// </summary>
internal static class TrainSafetyNetCommand
{
    public static readonly string[] DefaultData = ["eval/safety-dev.jsonl", "eval/safety-blind3.jsonl", "eval/safety-train.jsonl", "eval/safety-net-negatives.jsonl", "eval/safety-everyday-train.jsonl", "eval/safety-corpus-negatives.jsonl"];
    public const string DefaultOut = "src/Bot/Safety/crisis-net.json";

    // The committed model's setting (see README for what was measured).
    private static readonly int DefaultEpochs = new CrisisNetTrainer.Settings().Epochs;

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error)
    {
        var outPath = CliArgs.Value(args, "--out") ?? DefaultOut;
        var given = args.TakeWhile(a => !a.StartsWith("--", StringComparison.Ordinal)).ToArray();
        var data = given.Length > 0 ? given : DefaultData;
        if (data.FirstOrDefault(f => !File.Exists(f)) is { } missing || !File.Exists(outPath))
        {
            await error.WriteLineAsync($"Error: needs the labelled sets ({string.Join(", ", data)}) and the existing model file for its settings ({outPath}); run from the repository root.");
            return 2;
        }
        CrisisNetModel existing;
        try
        {
            existing = CrisisNetModel.Load(outPath, settingsOnly: true);
        }
        catch (SafetyTermsException unreadable)
        {
            await error.WriteLineAsync("Error: " + unreadable.Message);
            return 2;
        }
        var items = data.SelectMany(SafetyEvaluation.ReadJsonl).ToList();
        using var encoder = new UniversalSentenceEncoder();
        var epochs = int.TryParse(CliArgs.Value(args, "--epochs"), out var e) && e > 0 ? e : DefaultEpochs;
        var model = Train(existing, items, encoder, string.Join(" + ", data.Select(Path.GetFileName)), epochs);
        model.Save(outPath);
        await output.WriteLineAsync($"Trained on {items.Count} messages ({items.Count(i => i.Label == TriageLevel.Crisis)} crisis); wrote {outPath}.");
        return 0;
    }

    internal static CrisisNetModel Train(CrisisNetModel settings, IReadOnlyList<LabelledMessage> items, UniversalSentenceEncoder encoder, string trainedOn, int epochs)
    {
        var vectors = encoder.Embed(items.Select(i => TextNormalizer.Normalize(i.Text)).ToList());
        var network = CrisisNetTrainer.Train(vectors, items.Select(i => i.Label == TriageLevel.Crisis).ToList(), new CrisisNetTrainer.Settings(Epochs: epochs));
        return settings with { EmbeddingModel = UniversalSentenceEncoder.ModelId, TrainedOn = trainedOn, Network = network };
    }
}
