using System.Diagnostics;
using System.Reflection;

namespace Clinic.Bot.Tests.Deployment;

/// <summary>The Bicep CLI from the NuGet package the test project references (no download, no network).</summary>
internal static class BicepCli
{
    public sealed record Result(int ExitCode, string Output, string Errors);

    public static string Path { get; } = Locate();

    public static async Task<Result> RunAsync(IEnumerable<string> args, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(Path) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args)
            start.ArgumentList.Add(arg);
        // Nothing to fetch: resource types are built into the CLI; keep it from phoning home for telemetry or version checks.
        start.Environment["BICEP_TRACING_ENABLED"] = "false";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
            start.Environment[key] = value;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(timeout.Token);
        return new Result(process.ExitCode, await output, await errors);
    }

    private static string Locate()
    {
        var path = typeof(BicepCli).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "BicepCli").Value!;
        if (!File.Exists(path))
            throw new InvalidOperationException($"The Bicep CLI is not at {path}. Restore tests/Bot.Tests (dotnet restore) to fetch Azure.Bicep.CommandLine.linux-x64.");
        // NuGet does not always keep the executable bit from the package (and the package is the Linux build).
        if (!OperatingSystem.IsLinux())
            throw new PlatformNotSupportedException("The referenced Bicep CLI package is the linux-x64 build.");
        var mode = File.GetUnixFileMode(path);
        if (!mode.HasFlag(UnixFileMode.UserExecute))
            File.SetUnixFileMode(path, mode | UnixFileMode.UserExecute);
        return path;
    }
}
