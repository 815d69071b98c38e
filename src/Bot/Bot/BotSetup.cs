using Clinic.Bot.Dialog;
using Clinic.Bot.Escalation;
using Clinic.Bot.Protocol;
using Clinic.Bot.Protocol.Hosting;

namespace Clinic.Bot.Bot;

public static class BotSetup
{
    /// <summary>The FAQ dialog, the activity handler every channel calls, and the Bot Framework protocol (JWT, Connector).</summary>
    public static IHostApplicationBuilder AddBot(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<DialogOptions>().BindConfiguration("Dialog")
            .Validate(o => !string.IsNullOrWhiteSpace(o.Greeting) && !string.IsNullOrWhiteSpace(o.TurnFailed), "Dialog:Greeting and Dialog:TurnFailed must not be empty. See appsettings.sample.json.")
            .ValidateOnStart();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<FaqDialog>();
        builder.Services.AddSingleton<ReplyBuilder>();
        builder.Services.AddSingleton<StaffActionHandler>();
        builder.Services.AddSingleton<CrisisRescue>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<CrisisRescue>());
        builder.Services.AddScoped<BotActivityHandler>();
        builder.Services.AddScoped<IBotTurnHandler, BotActivityHandlerTurnHandler>();
        builder.AddBotProtocol();
        return builder;
    }
}
