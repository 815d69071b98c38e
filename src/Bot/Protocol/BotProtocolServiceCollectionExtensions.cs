using Clinic.Bot.Bot;
using Clinic.Bot.Protocol.Authentication;
using Clinic.Bot.Protocol.Connector;
using Clinic.Bot.Protocol.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Clinic.Bot.Protocol;

public static class BotProtocolServiceCollectionExtensions
{
    /// <summary>
    /// Registers the Bot Framework protocol: <see cref="BotOptions"/> (section "Bot", validated at start-up),
    /// inbound token validation, the in-memory <see cref="IInboundDeduplicator"/>, <see cref="ConnectorClient"/>,
    /// and the MSAL <see cref="IBotTokenProvider"/>. The turn handler (<see cref="IBotTurnHandler"/>) is registered by AddBot.
    /// Each Try-registered service can be replaced by registering another before or after this call.
    /// </summary>
    public static IServiceCollection AddBotProtocol(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<BotOptions>().BindConfiguration(BotOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<BotOptions>, BotOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);

        // Requests wait on a metadata or token fetch, so neither may hang for HttpClient's default 100 s.
        services.AddHttpClient(OpenIdMetadataProvider.HttpClientName, client => client.Timeout = TimeSpan.FromSeconds(15));
        services.AddHttpClient(MsalBotTokenProvider.HttpClientName, client => client.Timeout = TimeSpan.FromSeconds(30));
        services.AddHttpClient<ConnectorClient>((provider, client) =>
            client.Timeout = provider.GetRequiredService<IOptions<BotOptions>>().Value.Connector.Timeout);

        services.TryAddSingleton<OpenIdMetadataProvider>();
        services.TryAddSingleton<BotAuthenticator>();
        services.TryAddSingleton<IBotTokenProvider, MsalBotTokenProvider>();
        services.TryAddSingleton<IInboundDeduplicator, InMemoryInboundDeduplicator>();
        services.TryAddScoped<BotMessageProcessor>();
        return services;
    }

    /// <summary>Same as <see cref="AddBotProtocol(IServiceCollection)"/>, for builder.AddBotProtocol().</summary>
    public static TBuilder AddBotProtocol<TBuilder>(this TBuilder builder)
        where TBuilder : IHostApplicationBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddBotProtocol();
        return builder;
    }
}
