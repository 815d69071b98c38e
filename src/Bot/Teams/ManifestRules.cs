using System.Globalization;
using System.Text.Json.Nodes;

namespace Clinic.Bot.Teams;

/// <summary>Checks on the packager's inputs and the filled-in manifest beyond what JSON parsing catches.</summary>
internal static class ManifestRules
{
    // Accepts host or host:port; anything with a scheme, path or wildcard is a mistake for a bot's domain.
    public static string? NormalizeDomain(string? value)
    {
        var domain = value?.Trim().ToLowerInvariant();
        if (string.IsNullOrEmpty(domain))
        {
            return null;
        }

        var host = domain;
        var colon = domain.LastIndexOf(':');
        if (colon > 0 && int.TryParse(domain.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var port)
            && port is > 0 and <= 65535)
        {
            host = domain[..colon];
        }

        return Uri.CheckHostName(host) == UriHostNameType.Dns ? domain : null;
    }

    // Teams routes messages by bots[].botId; one that is not the Azure Bot's app id silently never answers.
    public static string? CheckBotId(JsonObject manifest, string appId)
    {
        if (manifest["bots"] is not JsonArray { Count: > 0 } bots)
        {
            return $"{ManifestPackager.ManifestFileName} declares no bot under \"bots\".";
        }

        foreach (var bot in bots)
        {
            var botId = bot?["botId"] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
            if (!string.Equals(botId, appId, StringComparison.OrdinalIgnoreCase))
            {
                return $"bots[].botId is '{botId}' but Bot:MicrosoftAppId is '{appId}'; use {ManifestPackager.AppIdPlaceholder} in {ManifestPackager.ManifestFileName}.";
            }
        }

        return null;
    }

    public static List<string> PlaceholderUrlWarnings(JsonObject manifest)
    {
        var warnings = new List<string>();
        foreach (var property in new[] { "websiteUrl", "privacyUrl", "termsOfUseUrl" })
        {
            if (manifest["developer"]?[property] is JsonValue v && v.TryGetValue<string>(out var url)
                && Uri.TryCreate(url, UriKind.Absolute, out var uri)
                && (uri.Host.Equals("example.com", StringComparison.OrdinalIgnoreCase)
                    || uri.Host.EndsWith(".example.com", StringComparison.OrdinalIgnoreCase)))
            {
                warnings.Add($"developer.{property} is still the placeholder {url}; set the clinic's own page in {ManifestPackager.ManifestFileName}.");
            }
        }

        return warnings;
    }
}
