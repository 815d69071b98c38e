using Clinic.Bot.Escalation.Email;
using Clinic.Bot.Escalation.Teams;
using Clinic.Bot.Escalation.Webhook;
using Clinic.Bot.Staff;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Clinic.Bot.Escalation;

public static class EscalationSetup
{
    /// <summary>
    /// The escalation dispatcher (a hosted service on every instance), the staff sinks that are configured
    /// (Escalation:Teams, Escalation:Email, Escalation:Webhook), staff card actions, and the staff page's services.
    /// Needs AddStorage() and AddBot() (the Connector client for Teams). Map the page with <c>app.MapStaff()</c>.
    /// </summary>
    public static IHostApplicationBuilder AddEscalation(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<EscalationOptions>().BindConfiguration(EscalationOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<EscalationOptions>, EscalationOptionsValidator>());

        // Sinks are chosen from configuration at start: only what is configured is registered.
        var settings = builder.Configuration.GetSection(EscalationOptions.SectionName).Get<EscalationOptions>() ?? new EscalationOptions();
        if (settings.Teams.IsConfigured)
        {
            services.AddSingleton<IEscalationSink, TeamsChannelSink>();
            services.AddSingleton<IEscalationStatusListener, TeamsCardUpdater>();
        }
        if (settings.Email.IsConfigured)
            services.AddSingleton<IEscalationSink, EmailSink>();
        if (settings.Webhook.IsConfigured)
        {
            services.AddHttpClient(WebhookSink.HttpClientName, client => client.Timeout = settings.Webhook.Timeout)
                .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false });
            services.AddSingleton<IEscalationSink>(sp => new WebhookSink(
                sp.GetRequiredService<IHttpClientFactory>(), sp.GetRequiredService<IOptions<EscalationOptions>>(), sp.GetRequiredService<TimeProvider>()));
        }

        services.TryAddSingleton<EscalationSignal>();
        services.TryAddSingleton<IEscalationSignal>(sp => sp.GetRequiredService<EscalationSignal>());
        services.TryAddSingleton<EscalationStatusService>();
        services.TryAddSingleton<StaffActionHandler>();
        services.TryAddSingleton<CrisisReminders>();
        services.TryAddSingleton<EscalationDispatcher>();
        services.AddHostedService(sp => sp.GetRequiredService<EscalationDispatcher>());

        services.AddOptions<StaffOptions>().BindConfiguration(StaffOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<StaffOptions>, StaffOptionsValidator>());
        services.TryAddSingleton<StaffKeySession>();
        var staff = builder.Configuration.GetSection(StaffOptions.SectionName).Get<StaffOptions>() ?? new StaffOptions();
        if (staff.EntraEnabled)
            StaffEntraSignIn.Register(services, staff);
        return builder;
    }
}
