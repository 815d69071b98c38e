using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Clinic.Bot.DirectLine;

public static class DirectLineExtensions
{
    /// <summary>
    /// Registers the embedded Direct Line 3.0 channel (options from the <c>DirectLine</c> section, in-memory conversation store,
    /// token service, turn queue). The host must also register <see cref="Bot.BotActivityHandler"/>.
    /// </summary>
    public static WebApplicationBuilder AddDirectLine(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<DirectLineOptions>().BindConfiguration(DirectLineOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<DirectLineOptions>, DirectLineOptionsValidator>();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IConversationStore, InMemoryConversationStore>();
        services.AddSingleton<DirectLineTokenService>();
        services.AddSingleton<ConversationTurnQueue>();
        services.AddSingleton<BotTurnRunner>();
        services.TryAddScoped<IDirectLineBot, BotActivityHandlerAdapter>();
        services.AddSingleton<StreamRegistry>();
        services.AddHttpClient<AzureDirectLineTokenClient>(http => http.Timeout = TimeSpan.FromSeconds(10));
        services.AddHostedService<DirectLineHousekeeping>();
        return builder;
    }

    /// <summary>
    /// Maps the Direct Line 3.0 endpoints under <c>/v3/directline</c> and the website token endpoint
    /// <c>POST /api/directline/token</c>, and enables WebSockets for the stream.
    /// </summary>
    public static DirectLineEndpoints MapDirectLine(this WebApplication app)
    {
        app.UseWebSockets();
        var group = app.MapGroup(PublicUrls.DirectLinePath).WithTags("DirectLine");
        group.MapPost("/conversations", ConversationEndpoints.StartAsync);
        group.MapGet("/conversations/{conversationId}", ConversationEndpoints.ReconnectAsync);
        var post = group.MapPost("/conversations/{conversationId}/activities", ActivityEndpoints.PostAsync);
        group.MapGet("/conversations/{conversationId}/activities", ActivityEndpoints.GetAsync);
        // Map, not MapGet: WebSockets over HTTP/2 arrive as CONNECT.
        group.Map("/conversations/{conversationId}/stream", StreamEndpoint.HandleAsync);
        group.MapPost("/tokens/refresh", TokenEndpoints.Refresh);
        group.MapPost("/tokens/generate", TokenEndpoints.GenerateAsync);
        var websiteToken = app.MapPost(WebsiteTokenEndpoint.Path, WebsiteTokenEndpoint.HandleAsync).WithTags("DirectLine");
        return new DirectLineEndpoints(group, post, websiteToken);
    }
}
