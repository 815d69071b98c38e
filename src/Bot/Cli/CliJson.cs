using System.Text.Encodings.Web;
using System.Text.Json;

namespace Clinic.Bot.Cli;

internal static class CliJson
{
    // Relaxed escaping keeps quotes and apostrophes readable; the output is data for tools, never HTML.
    public static readonly JsonSerializerOptions Options = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
    };
}
