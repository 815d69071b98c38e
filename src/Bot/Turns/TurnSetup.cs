using Clinic.Bot.Telemetry;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Clinic.Bot.Turns;

public static class TurnSetup
{
    /// <summary>The turn pipeline every channel and the command line share.</summary>
    public static IHostApplicationBuilder AddTurns(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<TurnPipeline>();
        builder.Services.TryAddSingleton<BotTelemetry>();
        return builder;
    }
}
