using Clinic.Knowledge.Embeddings;

namespace Clinic.Knowledge.Tests.Search;

/// <summary>The real model and a folder whose index file the first test builds and the others load, shared by a class.</summary>
public sealed class SearchFixture : IDisposable
{
    public UniversalSentenceEncoder Encoder { get; } = new();

    public string Folder { get; } = Directory.CreateTempSubdirectory("search-").FullName;

    public static string Corpus => Path.Combine(AppContext.BaseDirectory, "corpus");

    public string IndexPath => Path.Combine(Folder, "knowledge.index");

    /// <summary>A copy of the first <paramref name="documents"/> corpus files in a new folder, for a test that changes the corpus.</summary>
    public string CorpusCopy(int documents)
    {
        var copy = Directory.CreateDirectory(Path.Combine(Folder, "corpus-" + Guid.NewGuid().ToString("N"))).FullName;
        foreach (var file in Directory.GetFiles(Corpus).Order().Take(documents))
            File.Copy(file, Path.Combine(copy, Path.GetFileName(file)));
        return copy;
    }

    public void Dispose()
    {
        Encoder.Dispose();
        Directory.Delete(Folder, recursive: true);
    }
}
