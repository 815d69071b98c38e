using System.Diagnostics.Metrics;

namespace Clinic.Knowledge.Generation;

/// <summary>Counters for generative answers: outcomes and the sentences verification cut. Tags are codes, never text.</summary>
internal sealed class GenerationMetrics : IDisposable
{
    /// <summary>The meter name to listen to (OpenTelemetry, dotnet-counters).</summary>
    public const string MeterName = "Clinic.Knowledge.Generation";

    private readonly Meter _meter = new(MeterName);
    private readonly Counter<long> _answers;
    private readonly Counter<long> _rejected;

    public GenerationMetrics()
    {
        _answers = _meter.CreateCounter<long>("clinic.generation.answers", description: "Answers by outcome (verified or the fallback's reason)");
        _rejected = _meter.CreateCounter<long>("clinic.generation.sentences_rejected", description: "Model sentences cut by verification, by reason");
    }

    public void Answer(GenerationOutcome outcome) => _answers.Add(1, new KeyValuePair<string, object?>("outcome", outcome.ToString()));

    public void Rejected(RejectionReason reason) => _rejected.Add(1, new KeyValuePair<string, object?>("reason", reason.ToString()));

    public void Dispose() => _meter.Dispose();
}
