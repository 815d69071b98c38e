namespace Clinic.Bot.Telemetry;

/// <summary>OpenTelemetry traces and metrics (section <c>Telemetry</c>).</summary>
public sealed class TelemetryOptions
{
    public const string SectionName = "Telemetry";

    public TelemetryExporter Exporter { get; set; } = TelemetryExporter.None;

    /// <summary>The collector's OTLP endpoint, e.g. http://otel-collector:4317. Empty: the OTEL_EXPORTER_OTLP_ENDPOINT variable or the exporter's default.</summary>
    public string? OtlpEndpoint { get; set; }

    /// <summary>The service.name resource attribute; set it per deployment to tell clinics or slots apart.</summary>
    public string ServiceName { get; set; } = "clinic-bot";

    /// <summary>How old the escalations-pending figure may be before the next observation asks the store again.</summary>
    public TimeSpan PendingRefreshInterval { get; set; } = TimeSpan.FromSeconds(15);

    internal IEnumerable<string> Problems()
    {
        if (!Enum.IsDefined(Exporter))
            yield return "Telemetry:Exporter must be None, Console or Otlp. See appsettings.sample.json.";
        if (!string.IsNullOrWhiteSpace(OtlpEndpoint) && !(Uri.TryCreate(OtlpEndpoint, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"))
            yield return "Telemetry:OtlpEndpoint must be an absolute http(s) URL such as http://otel-collector:4317. See appsettings.sample.json.";
        if (string.IsNullOrWhiteSpace(ServiceName))
            yield return "Telemetry:ServiceName must not be empty. See appsettings.sample.json.";
        if (PendingRefreshInterval <= TimeSpan.Zero)
            yield return "Telemetry:PendingRefreshInterval must be more than zero. See appsettings.sample.json.";
    }
}
