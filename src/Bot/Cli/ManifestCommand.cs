using Clinic.Bot.Teams;

namespace Clinic.Bot.Cli;

/// <summary><c>manifest --app-id GUID --domain bot.example.org [--out FILE]</c>: fills in the Teams manifest and builds the app package.</summary>
internal static class ManifestCommand
{
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken ct)
    {
        var appId = CliArgs.Value(args, "--app-id");
        var domain = CliArgs.Value(args, "--domain");
        if (appId is null || domain is null)
        {
            await error.WriteLineAsync("Usage: manifest --app-id <Bot:MicrosoftAppId> --domain <bot host name> [--folder manifest] [--out manifest/build/clinic-faq.zip]");
            return 2;
        }
        var folder = CliArgs.Value(args, "--folder") ?? "manifest";
        var zip = CliArgs.Value(args, "--out") ?? Path.Combine(folder, "build", "clinic-faq.zip");
        var result = await new ManifestPackager().BuildAsync(folder, appId, domain, zip, ct);
        foreach (var warning in result.Warnings)
            await error.WriteLineAsync("warning: " + warning);
        if (!result.Succeeded)
        {
            await error.WriteLineAsync("Error: " + result.Error);
            return 1;
        }
        await output.WriteLineAsync($"Teams app package written to {result.PackagePath}");
        return 0;
    }
}
