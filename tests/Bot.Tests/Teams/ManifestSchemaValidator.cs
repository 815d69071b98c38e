using System.Diagnostics;

namespace Clinic.Bot.Tests.Teams;

/// <summary>Runs validate-manifest.mjs with node against the schema packaged in node_modules (no network).</summary>
internal static class ManifestSchemaValidator
{
    public static async Task<(int ExitCode, string Output)> ValidateAsync(string manifestPath)
    {
        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = RepoPaths.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(RepoPaths.ValidatorScript);
        start.ArgumentList.Add(manifestPath);

        using var node = Process.Start(start) ?? throw new InvalidOperationException("could not start node");
        var stdout = node.StandardOutput.ReadToEndAsync();
        var stderr = node.StandardError.ReadToEndAsync();

        // A guard against a hung run, not a timing assertion.
        using var guard = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        try
        {
            await node.WaitForExitAsync(guard.Token);
        }
        catch (OperationCanceledException)
        {
            node.Kill(entireProcessTree: true);
            throw;
        }

        return (node.ExitCode, $"{await stdout}{await stderr}");
    }
}
