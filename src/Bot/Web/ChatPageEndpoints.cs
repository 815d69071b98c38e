using Clinic.Bot.DirectLine;
using Microsoft.Extensions.Options;

namespace Clinic.Bot.Web;

internal static class ChatPageEndpoints
{
    public static IResult Page(HttpContext context, IWebHostEnvironment environment, IOptions<DirectLineOptions> directLine)
    {
        var page = environment.WebRootFileProvider.GetFileInfo("index.html");
        if (!page.Exists)
        {
            return Results.NotFound();
        }
        ChatPageHeaders.ForPage(context, directLine.Value);
        return Results.Stream(page.CreateReadStream(), "text/html; charset=utf-8", lastModified: page.LastModified);
    }

    public static IResult Config(IOptions<WebChatOptions> web, IOptions<DirectLineOptions> directLine)
    {
        var o = web.Value;
        return Results.Json(new ChatPageConfig(
            o.ClinicName,
            o.AccentColor,
            o.WelcomeMessage,
            o.SuggestedQuestions ?? WebChatOptions.DefaultSuggestedQuestions,
            string.IsNullOrWhiteSpace(o.CrisisNotice) ? null : o.CrisisNotice,
            o.Locale,
            directLine.Value.MaxMessageLength,
            WebsiteTokenEndpoint.Path));
    }

    /// <summary>What <c>GET /api/chat/config</c> returns to the page.</summary>
    internal sealed record ChatPageConfig(
        string ClinicName,
        string AccentColor,
        string WelcomeMessage,
        IReadOnlyList<string> SuggestedQuestions,
        string? CrisisNotice,
        string Locale,
        int MaxMessageLength,
        string TokenUrl);
}
