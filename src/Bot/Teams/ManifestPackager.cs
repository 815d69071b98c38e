using System.IO.Compression;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Clinic.Bot.Teams;

/// <summary>
/// Builds the Teams app package (a zip with manifest.json and both icons at its root) from the
/// manifest folder, filling in the bot's app id and domain. Bad input gives a failed result, not an exception.
/// </summary>
public sealed partial class ManifestPackager
{
    public const string ManifestFileName = "manifest.json";
    internal const string AppIdPlaceholder = "{{APP_ID}}";
    private const string BotDomainPlaceholder = "{{BOT_DOMAIN}}";

    /// <exception cref="IOException">Reading the manifest folder or writing the zip failed.</exception>
    /// <exception cref="UnauthorizedAccessException">The output location is not writable.</exception>
    public async Task<ManifestPackageResult> BuildAsync(
        string manifestFolder, string appId, string botDomain, string outputZipPath, CancellationToken ct)
    {
        if (!Guid.TryParseExact(appId?.Trim(), "D", out var guid) || guid == Guid.Empty)
        {
            return ManifestPackageResult.Failure(
                "Bot:MicrosoftAppId must be the Azure Bot's app id (a GUID like 0a1b2c3d-1111-2222-3333-444455556666, "
                + $"shown as 'Microsoft App ID' on the Azure Bot's Configuration page); got '{appId}'.");
        }

        if (ManifestRules.NormalizeDomain(botDomain) is not { } domain)
        {
            return ManifestPackageResult.Failure(
                $"The bot domain must be a host name such as bot.example.org, without https:// or a path; got '{botDomain}'.");
        }

        if (string.IsNullOrWhiteSpace(outputZipPath))
        {
            return ManifestPackageResult.Failure("No output path was given for the app package zip.");
        }

        var manifestPath = string.IsNullOrWhiteSpace(manifestFolder) ? null : Path.Combine(manifestFolder, ManifestFileName);
        if (manifestPath is null || !File.Exists(manifestPath))
        {
            return ManifestPackageResult.Failure($"There is no {ManifestFileName} in the manifest folder '{manifestFolder}'.");
        }

        var id = guid.ToString("D");
        var text = (await File.ReadAllTextAsync(manifestPath, ct))
            .Replace(AppIdPlaceholder, id, StringComparison.Ordinal)
            .Replace(BotDomainPlaceholder, domain, StringComparison.Ordinal);

        var unfilled = Placeholder().Matches(text).Select(m => m.Value).Distinct().ToArray();
        if (unfilled.Length > 0)
        {
            return ManifestPackageResult.Failure(
                $"{ManifestFileName} still contains {string.Join(", ", unfilled)}; only {AppIdPlaceholder} and {BotDomainPlaceholder} are filled in, so replace the others by hand.");
        }

        JsonObject manifest;
        try
        {
            if (JsonNode.Parse(text) is not JsonObject root)
            {
                return ManifestPackageResult.Failure($"{ManifestFileName} must be a JSON object.");
            }

            manifest = root;
        }
        catch (JsonException e)
        {
            return ManifestPackageResult.Failure($"{ManifestFileName} is not valid JSON: {e.Message}");
        }

        if (ManifestRules.CheckBotId(manifest, id) is { } botIdError)
        {
            return ManifestPackageResult.Failure(botIdError);
        }

        var (icons, iconError) = await ManifestIcons.CheckAsync(manifest, manifestFolder, ct);
        if (iconError is not null)
        {
            return ManifestPackageResult.Failure(iconError);
        }

        var fullPath = Path.GetFullPath(outputZipPath);
        await WriteZipAsync(fullPath, text, icons, ct);
        return ManifestPackageResult.Success(fullPath, ManifestRules.PlaceholderUrlWarnings(manifest));
    }

    // Written beside the target and moved into place, so a failed build never leaves a half-written package.
    private static async Task WriteZipAsync(
        string fullPath, string manifestText, IReadOnlyList<(string EntryName, string SourcePath)> icons, CancellationToken ct)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(fullPath)!);
        var partial = fullPath + ".partial";
        try
        {
            await using (var stream = new FileStream(partial, FileMode.Create, FileAccess.Write, FileShare.None, 4096, FileOptions.Asynchronous))
            await using (var zip = await ZipArchive.CreateAsync(stream, ZipArchiveMode.Create, leaveOpen: false, entryNameEncoding: null, ct))
            {
                await AddEntryAsync(zip, ManifestFileName, new UTF8Encoding(false).GetBytes(manifestText), ct);
                foreach (var (entryName, sourcePath) in icons)
                {
                    await AddEntryAsync(zip, entryName, await File.ReadAllBytesAsync(sourcePath, ct), ct);
                }
            }

            File.Move(partial, fullPath, overwrite: true);
        }
        finally
        {
            File.Delete(partial);
        }
    }

    private static async Task AddEntryAsync(ZipArchive zip, string name, byte[] content, CancellationToken ct)
    {
        var entry = zip.CreateEntry(name, CompressionLevel.Optimal);
        await using var entryStream = await entry.OpenAsync(ct);
        await entryStream.WriteAsync(content, ct);
    }

    [GeneratedRegex(@"\{\{[A-Za-z0-9_]+\}\}")]
    private static partial Regex Placeholder();
}
