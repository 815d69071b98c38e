using Clinic.Knowledge.Generation;
using Clinic.Knowledge.Resilience;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Microsoft.SemanticKernel.ChatCompletion;
using Microsoft.SemanticKernel.Connectors.OpenAI;

namespace Clinic.Bot.Knowledge;

/// <summary>Optional generative answers (<c>Knowledge:Generation</c>); with Provider=None nothing here touches a turn.</summary>
internal static class GenerationSetup
{
    public static void AddGeneration(IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<GenerationOptions>().BindConfiguration("Knowledge:Generation").ValidateOnStart();
        services.AddSingleton<IValidateOptions<GenerationOptions>, GenerationOptionsValidator>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(sp => new GenerationHealth(sp.GetRequiredService<TimeProvider>()));
        if (builder.Configuration.GetValue("Knowledge:Generation:Provider", GenerationProvider.None) == GenerationProvider.None)
            return;

        services.TryAddEntraIdCredential();
        services.AddSingleton<IChatCompletionService>(sp =>
        {
            var o = sp.GetRequiredService<IOptions<GenerationOptions>>().Value;
            var http = ResilientHttpClient.Create(o, sp.GetRequiredService<GenerationHealth>());
            var entraId = o.UseEntraId ? sp.GetRequiredService<Azure.Core.TokenCredential>() : null;
            // No logger factory: Semantic Kernel's trace logging can include prompts, and prompts carry visitor text.
            return new OpenAIChatCompletionService(o.Deployment, OpenAIClientFactory.Create(o, http, entraId));
        });
        services.AddSingleton<GenerativeAnswerer>();
    }
}
