using System.Text.Json;
using Clinic.Knowledge;

namespace Clinic.Bot.Cli;

/// <summary><c>eval FILE [--verbose]</c>: answer quality for question lines, triage quality for labelled lines.</summary>
internal static class EvalCommand
{
    public static async Task<int> RunAsync(IServiceProvider services, string[] args, TextWriter output, TextWriter error, CancellationToken ct)
    {
        var path = args.FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal));
        var verbose = args.Contains("--verbose");
        if (path is null)
        {
            await error.WriteLineAsync("Usage: eval FILE.jsonl [--verbose]");
            return 2;
        }
        if (!File.Exists(path))
        {
            await error.WriteLineAsync($"Error: evaluation file '{path}' not found.");
            return 2;
        }
        if (IsSafetySet(path))
            return await SafetyAsync(services, path, output, error);
        var questions = new List<EvalItem>();
        var lineNumber = 0;
        foreach (var line in await File.ReadAllLinesAsync(path, ct))
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
                continue;
            try
            {
                var item = JsonSerializer.Deserialize<EvalItem>(line) ?? throw new JsonException("null");
                if (item.Question is not null)
                    questions.Add(item);
                else
                    throw new JsonException("needs a \"question\" field");
            }
            catch (JsonException e)
            {
                await error.WriteLineAsync($"Error: {path}:{lineNumber}: not a valid evaluation line ({e.Message}).");
                return 2;
            }
        }

        var knowledge = services.GetRequiredService<KnowledgeService>();
        var evaluation = new AnswerEvaluation();
        var index = await services.GetRequiredService<Clinic.Knowledge.Indexing.KnowledgeIndexProvider>().GetAsync(ct);
        foreach (var item in questions)
            await evaluation.AddAsync(knowledge, index, item, ct);
        foreach (var line in evaluation.Report())
            await output.WriteLineAsync(line);
        if (args.Contains("--features"))
        {
            foreach (var line in evaluation.Features)
                await output.WriteLineAsync(line);
        }
        if (verbose)
        {
            foreach (var failure in evaluation.Failures)
                await output.WriteLineAsync("  " + failure);
        }
        return 0;
    }

    // A labelled safety set has "text" and "label"; a question set has "question".
    private static bool IsSafetySet(string path)
    {
        var first = File.ReadLines(path).FirstOrDefault(l => !string.IsNullOrWhiteSpace(l));
        try
        {
            using var doc = first is null ? null : JsonDocument.Parse(first);
            return doc?.RootElement.ValueKind == JsonValueKind.Object && doc.RootElement.TryGetProperty("label", out _);
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static async Task<int> SafetyAsync(IServiceProvider services, string path, TextWriter output, TextWriter error)
    {
        IReadOnlyList<Clinic.Bot.Safety.Evaluation.LabelledMessage> items;
        try
        {
            items = Clinic.Bot.Safety.Evaluation.SafetyEvaluation.ReadJsonl(path);
        }
        catch (Exception e) when (e is FormatException or JsonException or InvalidDataException)
        {
            await error.WriteLineAsync("Error: " + e.Message);
            return 2;
        }
        var triage = services.GetRequiredService<Clinic.Bot.Safety.SafetyTriage>();
        var report = Clinic.Bot.Safety.Evaluation.SafetyEvaluation.Evaluate(triage, items);
        await output.WriteLineAsync(report.Format());
        var latency = Clinic.Bot.Safety.Evaluation.SafetyEvaluation.MeasureLatency(triage, items.Select(i => i.Text).ToList(), rounds: 5);
        await output.WriteLineAsync($"triage latency: p50 {latency.P50Microseconds:F0} us, p99 {latency.P99Microseconds:F0} us (n={latency.Samples})");
        return 0;
    }
}
