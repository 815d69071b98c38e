namespace Clinic.Bot.Tests.Teams;

/// <summary>Locates the repository the tests were built from (the folder holding package.json and node_modules).</summary>
internal static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string ManifestFolder => Path.Combine(Root, "manifest");

    public static string ValidatorScript => Path.Combine(Root, "tests", "Bot.Tests", "Teams", "validate-manifest.mjs");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "package.json")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No package.json above {AppContext.BaseDirectory}; the tests must run inside the repository.");
    }
}
