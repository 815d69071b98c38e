using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Clinic.Bot.Tests.Teams;

namespace Clinic.Bot.Tests.Deployment;

public sealed partial class InfraTemplateTests
{
    private static string MainBicep => Path.Combine(RepoPaths.Root, "infra", "main.bicep");

    [Fact]
    public async Task TheTemplateCompilesWithoutErrorsOrWarnings()
    {
        var result = await BicepCli.RunAsync(["build", MainBicep, "--stdout"]);
        Assert.True(result.ExitCode == 0, result.Errors);
        Assert.Equal("", result.Errors.Trim());
        Assert.NotNull(JsonNode.Parse(result.Output)?["resources"]);
    }

    [Fact]
    public async Task TheLinterFindsNothing()
    {
        var result = await BicepCli.RunAsync(["lint", MainBicep]);
        Assert.True(result.ExitCode == 0, result.Errors);
        Assert.Equal("", (result.Output + result.Errors).Trim());
    }

    [Fact]
    public async Task TheSampleParametersMatchTheTemplate()
    {
        var result = await BicepCli.RunAsync(
            ["build-params", Path.Combine(RepoPaths.Root, "infra", "main.bicepparam"), "--stdout"],
            new Dictionary<string, string> { ["CLINIC_POSTGRES_PASSWORD"] = "not-a-real-password-1" });
        Assert.True(result.ExitCode == 0, result.Errors);
        Assert.Equal("", result.Errors.Trim());
    }

    [Fact]
    public async Task EveryAppSettingIsAConfigurationKeyOfTheApp()
    {
        var template = (await BicepCli.RunAsync(["build", MainBicep, "--stdout"])).Output;
        var sample = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(RepoPaths.Root, "appsettings.sample.json")))!;
        var names = SettingName().Matches(template).Select(m => m.Groups[1].Value).Distinct().ToList();

        Assert.Contains("Bot__MicrosoftAppType", names);
        Assert.Contains("Storage__Postgres__ConnectionString", names);
        foreach (var name in names.Where(n => n.Contains("__")))
        {
            // Knowledge:Generation comes with generative answers, which another change adds to the sample.
            if (name.StartsWith("Knowledge__Generation__", StringComparison.Ordinal))
                continue;
            JsonNode? node = sample;
            foreach (var segment in name.Split("__"))
                node = node?.AsObject().TryGetPropertyValue(segment, out var child) == true ? child ?? JsonValue.Create("") : null;
            Assert.True(node is not null, $"App setting {name} is not a key in appsettings.sample.json");
        }
    }

    [GeneratedRegex(@"createObject\('name', '([A-Za-z_]+)'")]
    private static partial Regex SettingName();
}
