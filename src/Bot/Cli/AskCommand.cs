using System.Text.Json;
using Clinic.Bot.Turns;

namespace Clinic.Bot.Cli;

/// <summary><c>ask "question"</c>, <c>ask --json "question"</c>, <c>ask --jsonl</c> (one question a line on standard input).</summary>
internal static class AskCommand
{
    public static async Task<int> RunAsync(IServiceProvider services, string[] args, TextReader input, TextWriter output, TextWriter error, CancellationToken ct)
    {
        var pipeline = services.GetRequiredService<TurnPipeline>();
        if (args is ["--jsonl"])
        {
            while (await input.ReadLineAsync(ct) is { } line)
            {
                var outcome = await pipeline.RunAsync(QuestionOf(line), ct);
                await output.WriteLineAsync(JsonSerializer.Serialize(outcome, CliJson.Options));
            }
            return 0;
        }
        if (args is ["--json", var q])
        {
            await output.WriteLineAsync(JsonSerializer.Serialize(await pipeline.RunAsync(q, ct), CliJson.Options));
            return 0;
        }
        if (args is ["--explain", var asked])
        {
            await ExplainAsync(services, asked, output, ct);
            return 0;
        }
        if (args is [var question] && !question.StartsWith("--", StringComparison.Ordinal))
        {
            await WriteForPersonAsync(output, await pipeline.RunAsync(question, ct));
            return 0;
        }
        await error.WriteLineAsync("Usage: ask \"question\" | ask --json \"question\" | ask --jsonl < questions.txt");
        return 2;
    }

    // A line may be a bare question or an object with a "question" field (an eval file).
    private static string QuestionOf(string line)
    {
        if (line.TrimStart().StartsWith('{'))
        {
            try
            {
                using var doc = JsonDocument.Parse(line);
                if (doc.RootElement.ValueKind == JsonValueKind.Object && doc.RootElement.TryGetProperty("question", out var q) && q.ValueKind == JsonValueKind.String)
                    return q.GetString()!;
            }
            catch (JsonException)
            {
                // Not JSON after all: treat the line as the question.
            }
        }
        return line;
    }

    // For people tuning the corpus: what retrieval saw, and why the answer is what it is.
    private static async Task ExplainAsync(IServiceProvider services, string question, TextWriter output, CancellationToken ct)
    {
        var (answer, retrieval) = await services.GetRequiredService<Clinic.Knowledge.KnowledgeService>().AnswerWithPassagesAsync(question, ct);
        if (retrieval is not null)
        {
            await output.WriteLineAsync($"terms: {string.Join(' ', retrieval.Query.Terms)} | expansions: {string.Join(' ', retrieval.Query.Expansions)} | corrections: {string.Join(", ", retrieval.Query.Corrections.Select(c => c.Typed + "->" + c.Corrected))}");
            foreach (var p in retrieval.Passages)
                await output.WriteLineAsync($"  {p.Chunk.Id} fused {p.Fused:F4} bm25 {p.Lexical:F2} dense {p.Dense:F3} [{p.Chunk.Section}] {p.Chunk.Text[..Math.Min(150, p.Chunk.Text.Length)]}");
        }
        await output.WriteLineAsync($"answered: {answer.Answered} ({answer.Decline}), confidence {answer.Confidence}");
        await output.WriteLineAsync(answer.Text);
    }

    private static async Task WriteForPersonAsync(TextWriter output, TurnOutcome outcome)
    {
        await output.WriteLineAsync(outcome.Answer);
        if (outcome.Citations.Count > 0)
        {
            await output.WriteLineAsync();
            await output.WriteLineAsync("Sources:");
            foreach (var c in outcome.Citations)
                await output.WriteLineAsync($"  - {c.Title} > {c.Section} ({c.Source})");
        }
        foreach (var d in outcome.Disclaimers)
            await output.WriteLineAsync("\n" + d);
        if (outcome.Escalation is { } e)
            await output.WriteLineAsync($"\n[escalation: {e.Kind}; {string.Join(", ", e.Reasons)}]");
    }
}
