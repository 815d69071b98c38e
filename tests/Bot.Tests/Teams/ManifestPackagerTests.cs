using System.IO.Compression;
using System.Text.Json.Nodes;
using Clinic.Bot.Teams;

namespace Clinic.Bot.Tests.Teams;

public sealed class ManifestPackagerTests
{
    private const string AppId = "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d";
    private const string Domain = "faq-bot.example.org";

    private readonly ManifestPackager _packager = new();

    [Fact]
    public async Task BuildsZipHoldingExactlyManifestAndBothIconsAtTheRootWithPlaceholdersFilled()
    {
        using var output = new TempFolder();

        var result = await _packager.BuildAsync(RepoPaths.ManifestFolder, AppId, Domain, output.File("app.zip"), CancellationToken.None);

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal(output.File("app.zip"), result.PackagePath);
        using var zip = ZipFile.OpenRead(result.PackagePath!);
        Assert.Equal(["color.png", "manifest.json", "outline.png"], zip.Entries.Select(e => e.FullName).Order());

        var text = await new StreamReader(zip.GetEntry("manifest.json")!.Open()).ReadToEndAsync();
        Assert.DoesNotContain("{{", text);
        var manifest = JsonNode.Parse(text)!;
        Assert.Equal(AppId, manifest["id"]!.GetValue<string>());
        Assert.Equal(AppId, manifest["bots"]![0]!["botId"]!.GetValue<string>());
        Assert.Equal(Domain, manifest["validDomains"]![0]!.GetValue<string>());

        foreach (var icon in new[] { "color.png", "outline.png" })
        {
            using var entry = new MemoryStream();
            await zip.GetEntry(icon)!.Open().CopyToAsync(entry);
            Assert.Equal(await File.ReadAllBytesAsync(Path.Combine(RepoPaths.ManifestFolder, icon)), entry.ToArray());
        }
    }

    [Fact]
    public async Task WarnsWhileDeveloperUrlsAreStillExamplePlaceholders()
    {
        using var output = new TempFolder();

        var result = await _packager.BuildAsync(RepoPaths.ManifestFolder, AppId, Domain, output.File("app.zip"), CancellationToken.None);

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal(3, result.Warnings.Count);
        Assert.All(result.Warnings, w => Assert.Contains("example.com", w));
    }

    [Fact]
    public async Task GivesNoWarningsOnceDeveloperUrlsAreTheClinicsOwn()
    {
        using var folder = TempFolder.WithRepositoryManifest();
        await EditManifestAsync(folder, m => m["developer"] = new JsonObject
        {
            ["name"] = "Harbour Clinic",
            ["websiteUrl"] = "https://harbourclinic.org",
            ["privacyUrl"] = "https://harbourclinic.org/privacy",
            ["termsOfUseUrl"] = "https://harbourclinic.org/terms",
        });

        var result = await _packager.BuildAsync(folder.Path, AppId, Domain, folder.File("app.zip"), CancellationToken.None);

        Assert.True(result.Succeeded, result.Error);
        Assert.Empty(result.Warnings);
    }

    [Fact]
    public async Task CreatesTheOutputFolderAndReplacesAnEarlierPackage()
    {
        using var output = new TempFolder();
        var zipPath = Path.Combine(output.Path, "build", "nested", "app.zip");
        await _packager.BuildAsync(RepoPaths.ManifestFolder, AppId, Domain, zipPath, CancellationToken.None);

        var result = await _packager.BuildAsync(RepoPaths.ManifestFolder, AppId, "other.example.org", zipPath, CancellationToken.None);

        Assert.True(result.Succeeded, result.Error);
        using var zip = ZipFile.OpenRead(zipPath);
        var text = await new StreamReader(zip.GetEntry("manifest.json")!.Open()).ReadToEndAsync();
        Assert.Contains("other.example.org", text);
        Assert.DoesNotContain(Domain, text);
        Assert.Equal(["app.zip"], Directory.EnumerateFileSystemEntries(Path.GetDirectoryName(zipPath)!).Select(Path.GetFileName));
    }

    [Fact]
    public async Task AcceptsABotDomainWithAPort()
    {
        using var output = new TempFolder();

        var result = await _packager.BuildAsync(RepoPaths.ManifestFolder, AppId, "Bot.Example.org:8443", output.File("app.zip"), CancellationToken.None);

        Assert.True(result.Succeeded, result.Error);
    }

    [Theory]
    [InlineData("")]
    [InlineData("clinic-faq-bot")]
    [InlineData("00000000-0000-0000-0000-000000000000")]
    [InlineData("{0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d}")]
    [InlineData("0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4")]
    public async Task RejectsAnAppIdThatIsNotAGuid(string appId)
    {
        using var output = new TempFolder();

        var result = await _packager.BuildAsync(RepoPaths.ManifestFolder, appId, Domain, output.File("app.zip"), CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.StartsWith("Bot:MicrosoftAppId must be the Azure Bot's app id (a GUID", result.Error);
        Assert.False(File.Exists(output.File("app.zip")));
    }

    [Theory]
    [InlineData("")]
    [InlineData("https://faq-bot.example.org")]
    [InlineData("faq-bot.example.org/api/messages")]
    [InlineData("*.example.org")]
    [InlineData("faq bot.example.org")]
    public async Task RejectsABotDomainThatIsNotAHostName(string domain)
    {
        using var output = new TempFolder();

        var result = await _packager.BuildAsync(RepoPaths.ManifestFolder, AppId, domain, output.File("app.zip"), CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.StartsWith("The bot domain must be a host name", result.Error);
        Assert.False(File.Exists(output.File("app.zip")));
    }

    [Theory]
    [InlineData("color.png", 100, 100, TestPng.Rgba, "192x192")]
    [InlineData("color.png", 192, 96, TestPng.Rgba, "192x192")]
    [InlineData("outline.png", 192, 192, TestPng.Rgba, "32x32")]
    public async Task RejectsAnIconOfTheWrongSize(string icon, int width, int height, byte colourType, string expectedSize)
    {
        using var folder = TempFolder.WithRepositoryManifest();
        await File.WriteAllBytesAsync(folder.File(icon), TestPng.Create(width, height, colourType));

        var result = await BuildInAsync(folder);

        Assert.False(result.Succeeded);
        Assert.Contains($"is {width}x{height} pixels; Teams requires exactly {expectedSize}", result.Error);
        Assert.False(File.Exists(folder.File("app.zip")));
    }

    [Fact]
    public async Task RejectsAnOutlineIconWithoutTransparency()
    {
        using var folder = TempFolder.WithRepositoryManifest();
        await File.WriteAllBytesAsync(folder.File("outline.png"), TestPng.Create(32, 32, TestPng.Rgb));

        var result = await BuildInAsync(folder);

        Assert.False(result.Succeeded);
        Assert.Contains("has no transparency", result.Error);
    }

    [Fact]
    public async Task AcceptsAPaletteOutlineIconWhoseTransparencyIsInATrnsChunk()
    {
        using var folder = TempFolder.WithRepositoryManifest();
        await File.WriteAllBytesAsync(folder.File("outline.png"), TestPng.Create(32, 32, TestPng.Palette, withTransparencyChunk: true));

        var result = await BuildInAsync(folder);

        Assert.True(result.Succeeded, result.Error);
    }

    [Fact]
    public async Task RejectsAnIconThatIsNotAPng()
    {
        using var folder = TempFolder.WithRepositoryManifest();
        await File.WriteAllTextAsync(folder.File("color.png"), "GIF89a not really a png");

        var result = await BuildInAsync(folder);

        Assert.False(result.Succeeded);
        Assert.Contains("'color.png' is not a PNG file", result.Error);
    }

    [Fact]
    public async Task RejectsAMissingIconFile()
    {
        using var folder = TempFolder.WithRepositoryManifest();
        File.Delete(folder.File("outline.png"));

        var result = await BuildInAsync(folder);

        Assert.False(result.Succeeded);
        Assert.Contains("icons.outline names 'outline.png', but there is no such file", result.Error);
    }

    [Theory]
    [InlineData("icons/color.png")]
    [InlineData("../color.png")]
    [InlineData("manifest.json")]
    [InlineData("outline.png")]
    public async Task RejectsAnIconThatCannotSitAtThePackageRootOnItsOwn(string colorIcon)
    {
        using var folder = TempFolder.WithRepositoryManifest();
        await EditManifestAsync(folder, m => m["icons"]!["color"] = colorIcon);

        var result = await BuildInAsync(folder);

        Assert.False(result.Succeeded);
        Assert.StartsWith("icons.", result.Error);
    }

    [Fact]
    public async Task RejectsAFolderWithoutAManifest()
    {
        using var folder = new TempFolder();

        var result = await BuildInAsync(folder);

        Assert.False(result.Succeeded);
        Assert.StartsWith("There is no manifest.json in the manifest folder", result.Error);
    }

    [Fact]
    public async Task RejectsAManifestThatIsNotJson()
    {
        using var folder = TempFolder.WithRepositoryManifest();
        await File.WriteAllTextAsync(folder.File("manifest.json"), "{ \"id\": \"{{APP_ID}}\", ");

        var result = await BuildInAsync(folder);

        Assert.False(result.Succeeded);
        Assert.StartsWith("manifest.json is not valid JSON", result.Error);
    }

    [Fact]
    public async Task RejectsAManifestThatIsNotAJsonObject()
    {
        using var folder = TempFolder.WithRepositoryManifest();
        await File.WriteAllTextAsync(folder.File("manifest.json"), "[]");

        var result = await BuildInAsync(folder);

        Assert.False(result.Succeeded);
        Assert.Equal("manifest.json must be a JSON object.", result.Error);
    }

    [Fact]
    public async Task RejectsAnEmptyOutputPath()
    {
        var result = await _packager.BuildAsync(RepoPaths.ManifestFolder, AppId, Domain, " ", CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.Equal("No output path was given for the app package zip.", result.Error);
    }

    [Fact]
    public async Task RejectsAManifestWithAPlaceholderItCannotFill()
    {
        using var folder = TempFolder.WithRepositoryManifest();
        await EditManifestAsync(folder, m => m["name"]!["short"] = "{{CLINIC_NAME}}");

        var result = await BuildInAsync(folder);

        Assert.False(result.Succeeded);
        Assert.Contains("still contains {{CLINIC_NAME}}", result.Error);
    }

    [Fact]
    public async Task RejectsAManifestWhoseBotIdIsNotTheConfiguredAppId()
    {
        using var folder = TempFolder.WithRepositoryManifest();
        await EditManifestAsync(folder, m => m["bots"]![0]!["botId"] = "11111111-2222-4333-8444-555555555555");

        var result = await BuildInAsync(folder);

        Assert.False(result.Succeeded);
        Assert.StartsWith("bots[].botId is '11111111-2222-4333-8444-555555555555' but Bot:MicrosoftAppId is", result.Error);
    }

    [Fact]
    public async Task RejectsAManifestWithoutABot()
    {
        using var folder = TempFolder.WithRepositoryManifest();
        await EditManifestAsync(folder, m => m.Remove("bots"));

        var result = await BuildInAsync(folder);

        Assert.False(result.Succeeded);
        Assert.Contains("declares no bot", result.Error);
    }

    private Task<ManifestPackageResult> BuildInAsync(TempFolder folder) =>
        _packager.BuildAsync(folder.Path, AppId, Domain, folder.File("app.zip"), CancellationToken.None);

    private static async Task EditManifestAsync(TempFolder folder, Action<JsonObject> edit)
    {
        var manifest = JsonNode.Parse(await File.ReadAllTextAsync(folder.File("manifest.json")))!.AsObject();
        edit(manifest);
        await File.WriteAllTextAsync(folder.File("manifest.json"), manifest.ToJsonString());
    }
}
