namespace Clinic.Bot.Safety.Evaluation;

/// <summary>Per-message triage latency in microseconds over warm runs.</summary>
public sealed record LatencyReport(int Samples, double P50Microseconds, double P99Microseconds, double MaxMicroseconds, double MeanMicroseconds);
