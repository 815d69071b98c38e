using System.Diagnostics;
using Clinic.Bot.Turns;
using Clinic.Knowledge;
using Clinic.Knowledge.Indexing;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Clinic.Bot.Cli;

/// <summary><c>bench [--questions FILE] [--rounds N]</c>: warm, in-process latency figures for the README.</summary>
internal static class BenchCommand
{
    public static async Task<int> RunAsync(IServiceProvider services, string[] args, TextWriter output, CancellationToken ct)
    {
        var rounds = CliArgs.Value(args, "--rounds") is { } r && int.TryParse(r, out var n) ? n : 20;
        var questionsPath = CliArgs.Value(args, "--questions") ?? "eval/questions-dev.jsonl";
        var questions = File.Exists(questionsPath)
            ? File.ReadLines(questionsPath).Where(l => l.Trim().Length > 0)
                .Select(l => System.Text.Json.JsonSerializer.Deserialize<EvalItem>(l)?.Question).OfType<string>().ToList()
            : ["What are the side effects of ketamine?", "How is ketamine given?", "Who should not have ketamine?"];

        var embedder = services.GetRequiredService<IEmbeddingGenerator<string, Embedding<float>>>();
        var options = services.GetRequiredService<IOptions<KnowledgeOptions>>().Value;

        // From scratch: a fresh provider writing to a temporary file, so nothing is loaded from disk.
        var temp = Path.Combine(Path.GetTempPath(), $"bench-{Guid.NewGuid():N}.index");
        var scratch = new KnowledgeIndexProvider(
            Options.Create(new KnowledgeOptions { CorpusPath = options.CorpusPath, IndexPath = temp }), embedder, NullLogger<KnowledgeIndexProvider>.Instance);
        var clock = Stopwatch.StartNew();
        await scratch.GetAsync(ct);
        await output.WriteLineAsync($"index from scratch: {clock.Elapsed.TotalMilliseconds:F0} ms ({scratch.LastReport!.Sentences} sentences)");
        File.Delete(temp);

        await services.GetRequiredService<KnowledgeIndexProvider>().GetAsync(ct);
        await output.WriteLineAsync(Line("embed one short query", await MeasureAsync(500, i => embedder.GenerateAsync("how long does an infusion take", cancellationToken: ct))));

        var pipeline = services.GetRequiredService<TurnPipeline>();
        await output.WriteLineAsync(Line($"ask turn ({questions.Count} questions x {rounds})",
            await MeasureAsync(questions.Count * rounds, i => pipeline.RunAsync(questions[i % questions.Count], ct))));
        return 0;
    }

    private static async Task<List<double>> MeasureAsync<T>(int count, Func<int, Task<T>> action)
    {
        for (var i = 0; i < Math.Min(count, 50); i++)
            await action(i);
        var samples = new List<double>(count);
        for (var i = 0; i < count; i++)
        {
            var start = Stopwatch.GetTimestamp();
            await action(i);
            samples.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        }
        samples.Sort();
        return samples;
    }

    private static string Line(string name, List<double> sorted) =>
        $"{name}: p50 {CliArgs.Percentile(sorted, 0.50):F2} ms, p99 {CliArgs.Percentile(sorted, 0.99):F2} ms, max {sorted[^1]:F2} ms (n={sorted.Count})";

}
