using System.Diagnostics;
using Clinic.Bot.Safety;
using Clinic.Bot.Storage;
using Clinic.Bot.Telemetry;
using Clinic.Bot.Tests.Escalation;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Clinic.Bot.Tests.Telemetry;

[Collection(TelemetryCollection.Name)]
public sealed class TelemetrySetupTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("clinic-otel-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task TheConfiguredExporterReceivesTheTurnSpanAndTheAppMetrics()
    {
        var spans = new List<Activity>();
        var metrics = new List<Metric>();
        using var host = Build(new() { ["Telemetry:Exporter"] = "Console" }, services =>
        {
            services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddInMemoryExporter(spans));
            services.ConfigureOpenTelemetryMeterProvider(meters => meters.AddInMemoryExporter(metrics));
        });
        await host.StartAsync();
        var telemetry = host.Services.GetRequiredService<BotTelemetry>();

        using (telemetry.MeasureTurn(TimeProvider.System, "msteams", "message"))
            telemetry.RecordTriage(TriageLevel.Crisis);
        telemetry.RecordAnswer(false, Clinic.Knowledge.Answers.DeclineReason.NotInCorpus);
        // The gauge answers from a cache filled in the background: flush until the store's figure is in.
        await Eventually.TrueAsync(() =>
        {
            host.Services.GetRequiredService<MeterProvider>().ForceFlush();
            return metrics.Any(m => m.Name == "clinic.bot.escalations.pending");
        }, "the pending gauge was exported");
        host.Services.GetRequiredService<TracerProvider>().ForceFlush();

        var turn = Assert.Single(spans, s => s.OperationName == "bot.turn");
        Assert.Equal("msteams", turn.GetTagItem(TurnTags.Channel));
        Assert.Contains(metrics, m => m.Name == "clinic.bot.turn.duration" && m.MetricType == MetricType.Histogram);
        Assert.Contains(metrics, m => m.Name == "clinic.bot.triage.outcomes");
        Assert.Contains(metrics, m => m.Name == "clinic.bot.answers.declined");
        await host.StopAsync();
    }

    [Fact]
    public void NoExporterMeansNoOpenTelemetryPipeline()
    {
        using var host = Build([]);

        Assert.Null(host.Services.GetService<TracerProvider>());
        Assert.Null(host.Services.GetService<MeterProvider>());
        Assert.NotNull(host.Services.GetService<BotTelemetry>());
    }

    [Fact]
    public void OtlpExporterTakesTheConfiguredEndpoint()
    {
        using var host = Build(new() { ["Telemetry:Exporter"] = "Otlp", ["Telemetry:OtlpEndpoint"] = "http://127.0.0.1:4317" });

        Assert.NotNull(host.Services.GetService<TracerProvider>());
        Assert.NotNull(host.Services.GetService<MeterProvider>());
    }

    [Theory]
    [InlineData("Telemetry:Exporter", "Zipkin", "Telemetry:Exporter")]
    [InlineData("Telemetry:OtlpEndpoint", "collector:4317", "Telemetry:OtlpEndpoint must be an absolute http(s) URL")]
    [InlineData("Telemetry:PendingRefreshInterval", "00:00:00", "Telemetry:PendingRefreshInterval")]
    public async Task InvalidSettingsFailAtStartWithTheSettingToFix(string key, string value, string message)
    {
        var error = await Assert.ThrowsAnyAsync<Exception>(async () =>
        {
            using var host = Build(new() { [key] = value });
            await host.StartAsync();
        });

        Assert.Contains(message, error.Message + error.InnerException?.Message);
    }

    private IHost Build(Dictionary<string, string?> settings, Action<IServiceCollection>? services = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = _folder, EnvironmentName = Environments.Development });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Storage:Retention:Enabled"] = "false" });
        builder.AddStorage();
        builder.AddTelemetry();
        services?.Invoke(builder.Services);
        return builder.Build();
    }
}
