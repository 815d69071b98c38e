namespace Clinic.Bot.Tests.DirectLine;

internal static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string BotProject => Path.Combine(Root, "src", "Bot");

    public static string TestsDirectLine => Path.Combine(Root, "tests", "Bot.Tests", "DirectLine");

    /// <summary>Where tests leave files worth keeping (screenshots): artifacts/ at the repository root, git-ignored.</summary>
    public static string Artifacts(string folder)
    {
        var path = Path.Combine(Root, "artifacts", folder);
        Directory.CreateDirectory(path);
        return path;
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Chatbot.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("Could not find the repository root (Chatbot.sln) above " + AppContext.BaseDirectory);
    }
}
