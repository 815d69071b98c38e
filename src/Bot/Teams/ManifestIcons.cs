using System.Text.Json.Nodes;

namespace Clinic.Bot.Teams;

/// <summary>Checks the icons a manifest names against the rules Teams enforces on upload.</summary>
internal static class ManifestIcons
{
    // Teams: a 192x192 full-colour icon and a 32x32 white outline on a transparent background.
    private static readonly (string Property, int Size, bool NeedsTransparency)[] Rules =
    [
        ("color", 192, false),
        ("outline", 32, true),
    ];

    /// <summary>Returns the zip entry name and source path of each icon, or why they cannot be packaged.</summary>
    public static async Task<(IReadOnlyList<(string EntryName, string SourcePath)> Icons, string? Error)> CheckAsync(
        JsonObject manifest, string manifestFolder, CancellationToken ct)
    {
        var icons = new List<(string EntryName, string SourcePath)>();
        foreach (var (property, size, needsTransparency) in Rules)
        {
            var at = $"icons.{property}";
            if (manifest["icons"]?[property] is not JsonValue value || !value.TryGetValue<string>(out var name))
            {
                return ([], $"manifest.json has no {at} file name.");
            }

            // Teams only looks for icons at the package root, next to manifest.json.
            if (name.Length == 0 || name != Path.GetFileName(name) || name.Contains('\\') || name is "." or ".."
                || name.Equals(ManifestPackager.ManifestFileName, StringComparison.OrdinalIgnoreCase))
            {
                return ([], $"{at} must be a plain file name such as {property}.png (Teams requires icons at the package root); got '{name}'.");
            }

            if (icons.Any(i => i.EntryName.Equals(name, StringComparison.OrdinalIgnoreCase)))
            {
                return ([], $"{at} names '{name}', which is already used by another icon; Teams needs two different files.");
            }

            var path = Path.Combine(manifestFolder, name);
            if (!File.Exists(path))
            {
                return ([], $"{at} names '{name}', but there is no such file in '{manifestFolder}'.");
            }

            var png = await PngInfo.ReadAsync(path, ct);
            if (png is null)
            {
                return ([], $"{at} '{name}' is not a PNG file; Teams accepts only PNG icons.");
            }

            if (png.Width != size || png.Height != size)
            {
                return ([], $"{at} '{name}' is {png.Width}x{png.Height} pixels; Teams requires exactly {size}x{size}.");
            }

            if (needsTransparency && !png.HasTransparency)
            {
                return ([], $"{at} '{name}' has no transparency; Teams requires a white outline on a transparent background.");
            }

            icons.Add((name, path));
        }

        return (icons, null);
    }
}
