using Clinic.Bot.DirectLine;
using Microsoft.AspNetCore.StaticFiles;

namespace Clinic.Bot.Web;

/// <summary>Response headers for the chat page and its files.</summary>
internal static class ChatPageHeaders
{
    public static void ForAsset(StaticFileResponseContext context)
    {
        // Files are not fingerprinted: revalidate each time (a cheap 304) so a deploy is never half old, half new.
        context.Context.Response.Headers.CacheControl = "no-cache";
        context.Context.Response.Headers.XContentTypeOptions = "nosniff";
    }

    /// <summary>
    /// The page runs only its own scripts (no inline script, no eval). Styles may be inline because Web Chat injects its
    /// CSS at run time. The page may be framed anywhere, so the clinic can embed it.
    /// </summary>
    public static void ForPage(HttpContext context, DirectLineOptions directLine)
    {
        var headers = context.Response.Headers;
        headers.CacheControl = "no-cache";
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
        headers.ContentSecurityPolicy = string.Join("; ",
            "default-src 'self'",
            "script-src 'self'",
            "style-src 'self' 'unsafe-inline'",
            "img-src 'self' data: blob:",
            "font-src 'self' data:",
            "connect-src " + string.Join(' ', ConnectSources(context.Request, directLine)),
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
            "frame-ancestors *");
    }

    private static IEnumerable<string> ConnectSources(HttpRequest request, DirectLineOptions directLine)
    {
        yield return "'self'";
        // Older browsers do not count ws(s):// of the same host as 'self'.
        var own = new Uri(PublicUrls.BaseUrl(request, directLine));
        yield return (own.Scheme == Uri.UriSchemeHttps ? "wss://" : "ws://") + own.Authority;
        if (!string.IsNullOrWhiteSpace(directLine.Secret))
        {
            var azure = directLine.AzureDomain;
            yield return azure.GetLeftPart(UriPartial.Authority);
            yield return "wss://" + azure.Authority;
        }
    }
}
