using Clinic.Bot.Tests.App;
using Clinic.Bot.Tests.Escalation;
using Clinic.Bot.Tests.Protocol;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;

namespace Clinic.Bot.Tests.Telemetry;

/// <summary>The whole app with OpenTelemetry on, every log line captured at Trace, and a staff webhook nobody answers (so alerts stay pending).</summary>
public sealed class TelemetryAppFixture : AppFixture
{
    internal TestLogs Logs { get; } = new();

    protected override IReadOnlyDictionary<string, string> ExtraSettings { get; } = new Dictionary<string, string>
    {
        ["Logging:LogLevel:Default"] = "Trace",
        ["Logging:LogLevel:Microsoft"] = "Trace",
        ["Logging:LogLevel:Microsoft.AspNetCore"] = "Trace",
        ["Logging:LogLevel:System"] = "Trace",
        ["Escalation:Webhook:Url"] = $"http://127.0.0.1:{FreePort.Loopback()}/hooks/clinic",
        ["Escalation:Webhook:Secret"] = WebhookReceiver.Secret,
        ["Telemetry:PendingRefreshInterval"] = "00:00:00.050",
        // The full OpenTelemetry pipeline (ASP.NET Core and HttpClient instrumentation add their tags), exporting to a collector that is not there.
        ["Telemetry:Exporter"] = "Otlp",
        ["Telemetry:OtlpEndpoint"] = $"http://127.0.0.1:{FreePort.Loopback()}",
    };

    protected override void ConfigureWebHost(IWebHostBuilder web) =>
        web.ConfigureLogging(logging => logging.AddProvider(Logs).SetMinimumLevel(LogLevel.Trace));
}
