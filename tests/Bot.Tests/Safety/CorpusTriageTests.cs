using System.Text.RegularExpressions;

namespace Clinic.Bot.Tests.Safety;

/// <summary>The clinic's articles talk about suicide, pregnancy and heart disease in general: none of it is a disclosure.</summary>
public sealed partial class CorpusTriageTests
{
    [Fact]
    public void NoProseSentenceOfTheClinicCorpusEscalates()
    {
        var corpus = Path.GetDirectoryName(SafetyFixture.RepoFile("corpus/000_dbca475f5f11b165.txt"))!;
        var sentences = Directory.GetFiles(corpus, "*.txt")
            .SelectMany(f => SentenceBreak().Split(File.ReadAllText(f)))
            .Select(s => string.Join(' ', s.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)))
            .Where(s => s.Length > 15 && !s.Contains('•', StringComparison.Ordinal)) // bullet lists of symptoms read like reports
            .ToList();
        Assert.True(sentences.Count > 300);
        var escalated = sentences.Where(s => SafetyFixture.Triage.Classify(s).Escalates).ToList();
        Assert.Empty(escalated);
    }

    [GeneratedRegex(@"(?<=[.!?])\s+|\n\s*\n")]
    private static partial Regex SentenceBreak();
}
