using Clinic.Bot.Safety.Contact;
using Clinic.Knowledge.Embeddings;
using Microsoft.Extensions.AI;
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
        services.AddSingleton(sp =>
        {
            var o = sp.GetRequiredService<IOptions<SafetyOptions>>().Value;
            // Always the local encoder: the net was trained on its vectors, whatever embeddings retrieval uses.
            var encoder = sp.GetService<IEmbeddingGenerator<string, Embedding<float>>>() as UniversalSentenceEncoder ?? new UniversalSentenceEncoder();
            var net = o.SafetyNetEnabled ? CrisisSafetyNet.Load(encoder, o.SafetyNetPath) : null;
            return new SafetyTriage(SafetyTerms.Load(o.TermsPath), net);
        });
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
