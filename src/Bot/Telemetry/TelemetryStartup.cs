namespace Clinic.Bot.Telemetry;

/// <summary>Creates the escalations-pending gauge at start, so it is reported before the first turn.</summary>
internal sealed class TelemetryStartup(EscalationsPendingGauge gauge) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        GC.KeepAlive(gauge);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
