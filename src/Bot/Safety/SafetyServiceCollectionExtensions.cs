using Clinic.Bot.Safety.Contact;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Clinic.Bot.Safety;

public static class SafetyServiceCollectionExtensions
{
    /// <summary>
    /// Registers triage (singleton, terms loaded once), messages, contact recognizers and validated options bound from
    /// the "Safety" section. A malformed terms file fails start-up through ValidateOnStart.
    /// </summary>
    public static IServiceCollection AddSafetyTriage(this IServiceCollection services)
    {
        services.AddOptions<SafetyOptions>()
            .BindConfiguration(SafetyOptions.SectionName)
            .PostConfigure(o => o.CrisisResources.TryAdd("US", [.. SafetyOptions.UsCrisisResources]))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<SafetyOptions>, SafetyOptionsValidator>();
        services.AddSingleton(sp => new SafetyTriage(SafetyTerms.Load(sp.GetRequiredService<IOptions<SafetyOptions>>().Value.TermsPath)));
        services.AddSingleton<SafetyMessages>();
        services.AddSingleton<PhoneContactRecognizer>();
        services.AddSingleton<EmailContactRecognizer>();
        services.AddSingleton<IContactRecognizer, ContactRecognizer>();
        return services;
    }

    /// <summary>Same as <see cref="AddSafetyTriage"/>, for <c>builder.AddSafety()</c> in Program.cs.</summary>
    public static IHostApplicationBuilder AddSafety(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSafetyTriage();
        return builder;
    }
}
