using Clinic.Bot.Protocol.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Clinic.Bot.Protocol;

public static class BotEndpoints
{
    public const string DefaultPattern = "/api/messages";

    /// <summary>Maps the Bot Framework messaging endpoint (POST). Needs <see cref="BotProtocolServiceCollectionExtensions.AddBotProtocol(Microsoft.Extensions.DependencyInjection.IServiceCollection)"/>.</summary>
    public static RouteHandlerBuilder MapBotEndpoints(this IEndpointRouteBuilder endpoints, string pattern = DefaultPattern)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var services = endpoints.ServiceProvider;
        var settings = services.GetRequiredService<IOptions<BotOptions>>().Value;
        if (!settings.IsAuthenticationEnabled)
        {
            services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(BotEndpoints).FullName!).LogWarning(
                "**************************************************************************************\n" +
                "*  Bot:MicrosoftAppId is NOT set: {Pattern} accepts UNAUTHENTICATED requests from   *\n" +
                "*  loopback (127.0.0.1/::1) only, and replies carry no token. Local development     *\n" +
                "*  with the Emulator only. Set Bot:MicrosoftAppId before exposing this service.      *\n" +
                "**************************************************************************************",
                pattern);
        }

        Func<HttpContext, Task<IResult>> handler = context =>
            context.RequestServices.GetRequiredService<BotMessageProcessor>().ProcessAsync(context);
        return endpoints.MapPost(pattern, handler)
            .WithName("BotMessages")
            .ExcludeFromDescription();
    }
}
