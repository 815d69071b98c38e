using Clinic.Bot.DirectLine;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Options;

namespace Clinic.Bot.Web;

public static class WebChatExtensions
{
    /// <summary>Folder, next to the app's assembly, that the build fills with the Web Chat bundle from node_modules.</summary>
    public const string WebChatBundleFolder = "webchat";

    /// <summary>Registers the chat page's options (the <c>Web</c> section).</summary>
    public static WebApplicationBuilder AddWebChat(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<WebChatOptions>()
            .BindConfiguration(WebChatOptions.Section)
            // Defaults here, not in the property: the binder would append configured questions to a default array.
            .PostConfigure(o => o.SuggestedQuestions = o.SuggestedQuestions is { Length: > 0 } q ? q : WebChatOptions.DefaultSuggestedQuestions)
            .ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<WebChatOptions>, WebChatOptionsValidator>();
        builder.Services.AddOptions<DirectLineOptions>().BindConfiguration(DirectLineOptions.Section);
        return builder;
    }

    /// <summary>
    /// Serves the chat page at <c>/</c> (static files from wwwroot), the Web Chat bundle at <c>/lib/webchat.js</c> (compressed),
    /// and the page's settings at <c>GET /api/chat/config</c>. The page gets its token from <c>MapDirectLine</c>'s endpoint.
    /// </summary>
    public static RouteGroupBuilder MapWebChat(this WebApplication app)
    {
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(WebChatExtensions));
        if (!app.Environment.WebRootFileProvider.GetFileInfo("index.html").Exists)
        {
            logger.LogWarning("The chat page (wwwroot/index.html) was not found under {WebRoot}", app.Environment.WebRootPath);
        }
        app.UseStaticFiles(new StaticFileOptions { OnPrepareResponse = ChatPageHeaders.ForAsset });

        var bundleFolder = Path.Combine(AppContext.BaseDirectory, WebChatBundleFolder);
        if (Directory.Exists(bundleFolder))
        {
            app.UseStaticFiles(new StaticFileOptions
            {
                FileProvider = new PhysicalFileProvider(bundleFolder),
                RequestPath = "/lib",
                OnPrepareResponse = ChatPageHeaders.ForAsset,
            });
        }
        else
        {
            logger.LogWarning("The Web Chat bundle folder {Folder} is missing; the chat page cannot load. Run npm ci at the repository root and rebuild.",
                bundleFolder);
        }

        var group = app.MapGroup("").WithTags("WebChat");
        var bundle = new WebChatBundle(Path.Combine(bundleFolder, "webchat.js"));
        group.MapGet(WebChatBundle.RequestPath, bundle.Serve);
        group.MapGet("/", ChatPageEndpoints.Page);
        group.MapGet("/api/chat/config", ChatPageEndpoints.Config);
        return group;
    }
}
