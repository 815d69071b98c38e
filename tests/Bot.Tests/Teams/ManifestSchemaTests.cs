using System.IO.Compression;
using System.Text.Json.Nodes;
using Clinic.Bot.Teams;

namespace Clinic.Bot.Tests.Teams;

public sealed class ManifestSchemaTests
{
    private const string SampleAppId = "6f2d8c3e-41a7-4b9e-9d2c-3a5b7e1f0c84";
    private const string SampleDomain = "clinic-bot.example.org";

    [Fact]
    public async Task PackagedManifestIsValidAgainstTheTeamsSchemaShippedInNodeModules()
    {
        using var work = new TempFolder();
        var result = await new ManifestPackager().BuildAsync(
            RepoPaths.ManifestFolder, SampleAppId, SampleDomain, work.File("app.zip"), CancellationToken.None);
        Assert.True(result.Succeeded, result.Error);

        // Validate exactly what would be uploaded: the manifest inside the zip.
        using (var zip = ZipFile.OpenRead(result.PackagePath!))
        {
            zip.GetEntry("manifest.json")!.ExtractToFile(work.File("manifest.json"));
        }

        var (exitCode, output) = await ManifestSchemaValidator.ValidateAsync(work.File("manifest.json"));

        Assert.True(exitCode == 0, $"validator exit code {exitCode}:\n{output}");
        Assert.Contains("valid against packaged schema", output);
    }

    [Fact]
    public async Task ValidatorRejectsManifestMissingARequiredField()
    {
        using var work = new TempFolder();
        var manifest = FilledRepositoryManifest();
        manifest.Remove("developer");
        await File.WriteAllTextAsync(work.File("manifest.json"), manifest.ToJsonString());

        var (exitCode, output) = await ManifestSchemaValidator.ValidateAsync(work.File("manifest.json"));

        Assert.True(exitCode == 1, $"validator exit code {exitCode}:\n{output}");
        Assert.Contains("must have required property 'developer'", output);
    }

    [Fact]
    public async Task ValidatorRejectsManifestWhosePlaceholdersWereNotFilled()
    {
        var (exitCode, output) = await ManifestSchemaValidator.ValidateAsync(Path.Combine(RepoPaths.ManifestFolder, "manifest.json"));

        Assert.True(exitCode == 1, $"validator exit code {exitCode}:\n{output}");
        Assert.Contains("/bots/0/botId must match pattern", output);
    }

    [Fact]
    public async Task ValidatorRejectsBotCommandTitlesLongerThanTeamsShows()
    {
        using var work = new TempFolder();
        var manifest = FilledRepositoryManifest();
        manifest["bots"]![0]!["commandLists"]![0]!["commands"]![0]!["title"] = new string('x', 33);
        await File.WriteAllTextAsync(work.File("manifest.json"), manifest.ToJsonString());

        var (exitCode, output) = await ManifestSchemaValidator.ValidateAsync(work.File("manifest.json"));

        Assert.True(exitCode == 1, $"validator exit code {exitCode}:\n{output}");
        Assert.Contains("/bots/0/commandLists/0/commands/0/title must be at most 32 characters", output);
    }

    [Fact]
    public void ManifestOffersHelpStartOverAndAPersonInEveryScope()
    {
        var bot = FilledRepositoryManifest()["bots"]!.AsArray().Single()!;
        string[] scopes = ["personal", "groupChat", "team"];

        Assert.Equal(scopes, bot["scopes"]!.AsArray().Select(s => s!.GetValue<string>()));
        Assert.False(bot["supportsFiles"]!.GetValue<bool>());
        foreach (var scope in scopes)
        {
            var list = bot["commandLists"]!.AsArray()
                .Single(l => l!["scopes"]!.AsArray().Any(s => s!.GetValue<string>() == scope))!;
            var titles = list["commands"]!.AsArray().Select(c => c!["title"]!.GetValue<string>()).ToArray();
            Assert.Contains("help", titles);
            Assert.Contains("start over", titles);
            Assert.Contains("talk to a person", titles);
        }
    }

    [Fact]
    public void ManifestDescriptionsSayAnswersComeOnlyFromClinicDocumentsAndAreNotMedicalAdvice()
    {
        var description = FilledRepositoryManifest()["description"]!;

        foreach (var text in new[] { description["short"]!.GetValue<string>(), description["full"]!.GetValue<string>() })
        {
            Assert.Contains("only from the clinic's own documents", text);
            Assert.Contains("not medical advice", text, StringComparison.OrdinalIgnoreCase);
        }
    }

    private static JsonObject FilledRepositoryManifest()
    {
        var text = File.ReadAllText(Path.Combine(RepoPaths.ManifestFolder, "manifest.json"))
            .Replace("{{APP_ID}}", SampleAppId)
            .Replace("{{BOT_DOMAIN}}", SampleDomain);
        return JsonNode.Parse(text)!.AsObject();
    }
}
