using System.Diagnostics;
using System.Text.Json;

namespace Clinic.Bot.Safety.Evaluation;

/// <summary>Scores the triage against a labelled set and measures its latency (wired into the eval CLI).</summary>
public static class SafetyEvaluation
{
    /// <summary>Reads JSONL lines {"text": "...", "label": "crisis"|"contraindication"|"informational"|"none"}.</summary>
    public static IReadOnlyList<LabelledMessage> ReadJsonl(string path)
    {
        var items = new List<LabelledMessage>();
        var number = 0;
        foreach (var line in File.ReadLines(path))
        {
            number++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            items.Add(ParseLine(line, $"{path}:{number}"));
        }

        return items;
    }

    public static SafetyEvaluationReport Evaluate(SafetyTriage triage, IEnumerable<LabelledMessage> items)
    {
        ArgumentNullException.ThrowIfNull(triage);
        ArgumentNullException.ThrowIfNull(items);
        var levels = Enum.GetValues<TriageLevel>();
        var confusion = levels.Select(_ => new int[levels.Length]).ToArray();
        var misses = new List<Misclassification>();
        var total = 0;
        foreach (var item in items)
        {
            total++;
            var result = triage.Classify(item.Text);
            confusion[(int)item.Label][(int)result.Level]++;
            if (result.Level != item.Label)
            {
                misses.Add(new Misclassification(item.Text, item.Label, result.Level, result.Reasons));
            }
        }

        var classes = levels.Select(level => new ClassMetrics(
            level,
            Support: confusion[(int)level].Sum(),
            Predicted: confusion.Sum(row => row[(int)level]),
            Correct: confusion[(int)level][(int)level])).ToArray();
        return new SafetyEvaluationReport(total, classes, confusion, misses);
    }

    /// <summary>Times each message <paramref name="rounds"/> times after a warm-up round (Stopwatch, single thread).</summary>
    public static LatencyReport MeasureLatency(SafetyTriage triage, IReadOnlyList<string> texts, int rounds = 20)
    {
        ArgumentNullException.ThrowIfNull(triage);
        ArgumentNullException.ThrowIfNull(texts);
        if (texts.Count == 0 || rounds < 1)
        {
            return new LatencyReport(0, 0, 0, 0, 0);
        }

        // Several warm-up rounds so tiered JIT has settled before timing.
        for (var warmUp = 0; warmUp < 5; warmUp++)
        {
            foreach (var text in texts)
            {
                triage.Classify(text);
            }
        }

        var samples = new double[texts.Count * rounds];
        var n = 0;
        for (var round = 0; round < rounds; round++)
        {
            foreach (var text in texts)
            {
                var start = Stopwatch.GetTimestamp();
                triage.Classify(text);
                samples[n++] = Stopwatch.GetElapsedTime(start).TotalMicroseconds;
            }
        }

        Array.Sort(samples);
        return new LatencyReport(samples.Length, Percentile(samples, 0.50), Percentile(samples, 0.99), samples[^1], samples.Average());
    }

    private static double Percentile(double[] sorted, double p) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];

    private static LabelledMessage ParseLine(string line, string where)
    {
        try
        {
            using var document = JsonDocument.Parse(line);
            var root = document.RootElement;
            var text = root.GetProperty("text").GetString();
            var label = root.GetProperty("label").GetString();
            var level = label switch
            {
                "crisis" => TriageLevel.Crisis,
                "contraindication" => TriageLevel.Contraindication,
                "informational" => TriageLevel.Informational,
                "none" => TriageLevel.None,
                _ => throw new FormatException($"{where}: label must be crisis, contraindication, informational or none (found '{label}')"),
            };
            return new LabelledMessage(text ?? throw new FormatException($"{where}: text is null"), level);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            throw new FormatException($"{where}: expected {{\"text\": \"...\", \"label\": \"...\"}}: {e.Message}", e);
        }
    }
}
