namespace Clinic.Bot.Telemetry;

/// <summary>Where traces and metrics go (<c>Telemetry:Exporter</c>).</summary>
public enum TelemetryExporter
{
    /// <summary>Nowhere: nothing is collected beyond the in-process instruments.</summary>
    None,

    /// <summary>Standard output, for a look on a developer machine.</summary>
    Console,

    /// <summary>An OpenTelemetry collector over OTLP (Azure Monitor, Grafana, Jaeger ... through a collector or agent).</summary>
    Otlp,
}
