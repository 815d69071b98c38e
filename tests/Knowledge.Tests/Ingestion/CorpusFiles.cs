using Clinic.Knowledge.Corpus;
using Clinic.Knowledge.Ingestion;

namespace Clinic.Knowledge.Tests.Ingestion;

/// <summary>The real clinic corpus, copied next to the test assembly by the test project.</summary>
internal static class CorpusFiles
{
    public static string Folder => Path.Combine(AppContext.BaseDirectory, "corpus");

    public static TheoryData<string> Names() => new(AllNames());

    public static IEnumerable<string> AllNames() =>
        Directory.GetFiles(Folder, "*.txt").Select(file => Path.GetFileName(file)).Order(StringComparer.Ordinal);

    public static string Text(string name) => File.ReadAllText(Path.Combine(Folder, name));

    public static CleanedDocument Clean(string name) => new DocumentCleaner().Clean(name, Text(name));

    /// <summary>Finds a file by its number prefix ("004") so tests read like the corpus listing.</summary>
    public static CleanedDocument CleanNumber(string number) =>
        Clean(Path.GetFileName(Directory.GetFiles(Folder, number + "_*.txt").Single()));

    public static IEnumerable<SourceSpan> Sentences(CleanedDocument document) =>
        document.Chunks.SelectMany(chunk => chunk.Sentences).Distinct();
}
