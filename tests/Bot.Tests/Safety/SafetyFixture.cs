using Clinic.Bot.Safety;

namespace Clinic.Bot.Tests.Safety;

/// <summary>The real terms file as the app loads it (copied next to the test assembly), compiled once.</summary>
internal static class SafetyFixture
{
    private static readonly Lazy<SafetyTriage> LazyTriage = new(SafetyTriage.LoadDefault);

    public static SafetyTriage Triage => LazyTriage.Value;

    public static string TermsJson => File.ReadAllText(SafetyTerms.DefaultPath);

    /// <summary>A file of the repository, found by walking up from the test output folder.</summary>
    public static string RepoFile(string relative)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, relative);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException($"{relative} not found above {AppContext.BaseDirectory}");
    }

    public static TriageLevel LevelOf(string text) => Triage.Classify(text).Level;
}
