using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Clinic.Bot.Telemetry;

public static class TelemetrySetup
{
    /// <summary>
    /// The app's spans and metrics (<see cref="BotTelemetry"/>, the escalations-pending gauge) and, unless
    /// <c>Telemetry:Exporter</c> is None, OpenTelemetry with ASP.NET Core and HttpClient instrumentation exporting to
    /// the console or over OTLP. Needs AddStorage() for the gauge.
    /// </summary>
    public static IHostApplicationBuilder AddTelemetry(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<TelemetryOptions>().BindConfiguration(TelemetryOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TelemetryOptions>, TelemetryOptionsValidator>());
        services.TryAddSingleton<BotTelemetry>();
        services.TryAddSingleton<EscalationsPendingGauge>();
        services.AddHostedService<TelemetryStartup>();

        var settings = builder.Configuration.GetSection(TelemetryOptions.SectionName).Get<TelemetryOptions>() ?? new TelemetryOptions();
        if (settings.Exporter == TelemetryExporter.None || settings.Problems().Any())
            return builder;
        var endpoint = string.IsNullOrWhiteSpace(settings.OtlpEndpoint) ? null : new Uri(settings.OtlpEndpoint);
        services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(settings.ServiceName))
            .WithTracing(tracing =>
            {
                tracing.AddSource(BotTelemetry.Name).AddAspNetCoreInstrumentation().AddHttpClientInstrumentation();
                if (settings.Exporter == TelemetryExporter.Console)
                    tracing.AddConsoleExporter();
                else
                    tracing.AddOtlpExporter(o => o.Endpoint = endpoint ?? o.Endpoint);
            })
            .WithMetrics(metrics =>
            {
                metrics.AddMeter(BotTelemetry.Name).AddAspNetCoreInstrumentation().AddHttpClientInstrumentation();
                if (settings.Exporter == TelemetryExporter.Console)
                    metrics.AddConsoleExporter();
                else
                    metrics.AddOtlpExporter(o => o.Endpoint = endpoint ?? o.Endpoint);
            });
        return builder;
    }
}
