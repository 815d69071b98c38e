using System.Globalization;

namespace Clinic.Bot.DirectLine;

/// <summary>The addresses this app tells clients to use: its Direct Line base and WebSocket stream URLs.</summary>
internal static class PublicUrls
{
    public const string DirectLinePath = "/v3/directline";

    public static string BaseUrl(HttpRequest request, DirectLineOptions options) =>
        options.PublicBaseUrl is { } configured
            ? configured.GetLeftPart(UriPartial.Path).TrimEnd('/')
            : $"{request.Scheme}://{request.Host.ToUriComponent()}{request.PathBase.ToUriComponent()}";

    public static string Domain(HttpRequest request, DirectLineOptions options) => BaseUrl(request, options) + DirectLinePath;

    public static string StreamUrl(HttpRequest request, DirectLineOptions options, string conversationId, string token, long? watermark)
    {
        var baseUrl = BaseUrl(request, options);
        var socketBase = baseUrl.StartsWith("https://", StringComparison.OrdinalIgnoreCase) ? "wss://" + baseUrl[8..]
            : baseUrl.StartsWith("http://", StringComparison.OrdinalIgnoreCase) ? "ws://" + baseUrl[7..]
            : baseUrl;
        var query = watermark is { } w ? $"watermark={w.ToString(CultureInfo.InvariantCulture)}&" : "";
        return $"{socketBase}{DirectLinePath}/conversations/{Uri.EscapeDataString(conversationId)}/stream?{query}t={Uri.EscapeDataString(token)}";
    }
}
