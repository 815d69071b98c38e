using System.Reflection;
using Microsoft.AspNetCore.Http;

namespace Clinic.Bot.Staff;

/// <summary>
/// The page's static files (wwwroot/staff), embedded in the assembly so /staff works from any content root.
/// Served with a strict Content-Security-Policy: scripts and styles only from this origin, no inline script.
/// </summary>
internal static class StaffAssets
{
    private static readonly Dictionary<string, string> Types = new(StringComparer.Ordinal)
    {
        ["index.html"] = "text/html; charset=utf-8",
        ["staff.js"] = "text/javascript; charset=utf-8",
        ["staff.css"] = "text/css; charset=utf-8",
    };

    public static IResult Serve(HttpContext context, string file)
    {
        if (!Types.TryGetValue(file, out var type))
            return Results.NotFound();
        var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("staff/" + file);
        if (stream is null)
            return Results.NotFound();
        Secure(context.Response);
        return Results.Stream(stream, type);
    }

    public static void Secure(HttpResponse response)
    {
        var headers = response.Headers;
        headers.ContentSecurityPolicy = "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "no-referrer";
        headers.CacheControl = "no-store";
    }
}
