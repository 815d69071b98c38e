namespace Clinic.Knowledge.Tests.Service;

public sealed class IndexPersistenceTests(KnowledgeFixture fixture) : IClassFixture<KnowledgeFixture>, IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("index-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string CopyCorpus()
    {
        var corpus = Path.Combine(_folder, "corpus");
        Directory.CreateDirectory(corpus);
        foreach (var file in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "corpus")).Take(2))
            File.Copy(file, Path.Combine(corpus, Path.GetFileName(file)));
        return corpus;
    }

    [Fact]
    public async Task LoadsTheSavedIndexOnRestartInsteadOfEmbeddingAgain()
    {
        var corpus = CopyCorpus();
        var indexPath = Path.Combine(_folder, "k.index");
        fixture.Create(corpus, indexPath, out var first);
        await first.GetAsync();
        Assert.Equal("Built", first.LastReport!.Outcome);

        fixture.Create(corpus, indexPath, out var second);
        await second.GetAsync();
        Assert.Equal("Loaded", second.LastReport!.Outcome);
    }

    [Fact]
    public async Task RebuildsWhenADocumentChanges()
    {
        var corpus = CopyCorpus();
        var indexPath = Path.Combine(_folder, "k.index");
        fixture.Create(corpus, indexPath, out var first);
        await first.GetAsync();
        File.AppendAllText(Directory.GetFiles(corpus)[0], "\nKetamine sessions at our clinic begin with a short check-in.\n");

        fixture.Create(corpus, indexPath, out var second);
        await second.GetAsync();
        Assert.Equal("Rebuilt", second.LastReport!.Outcome);
        Assert.Contains("changed", second.LastReport.Reason);
    }

    [Fact]
    public async Task RebuildsACorruptIndexAndSaysSo()
    {
        var corpus = CopyCorpus();
        var indexPath = Path.Combine(_folder, "k.index");
        fixture.Create(corpus, indexPath, out var first);
        await first.GetAsync();
        var bytes = await File.ReadAllBytesAsync(indexPath);
        await File.WriteAllBytesAsync(indexPath, bytes[..(bytes.Length / 2)]);

        var logger = new TestLogger();
        var service = fixture.Create(corpus, indexPath, out var second, logger);
        var answer = await service.AnswerAsync("What is ketamine?");
        Assert.Equal("Rebuilt", second.LastReport!.Outcome);
        Assert.Contains(logger.Lines, l => l.StartsWith("Warning") && l.Contains("unreadable"));
        Assert.False(string.IsNullOrEmpty(answer.Text));
    }

    [Fact]
    public async Task FailsWithTheFixWhenTheCorpusFolderIsMissing()
    {
        fixture.Create(Path.Combine(_folder, "nope"), Path.Combine(_folder, "k.index"), out var provider);
        var error = await Assert.ThrowsAsync<InvalidOperationException>(async () => await provider.GetAsync());
        Assert.Contains("Knowledge:CorpusPath", error.Message);
    }

    [Fact]
    public async Task SkipsAnUnreadableDocumentAndServesTheRest()
    {
        var corpus = CopyCorpus();
        await File.WriteAllBytesAsync(Path.Combine(corpus, "broken.txt"), [0x00, 0xFF, 0xFE, 0x00, 0x41]);
        fixture.Create(corpus, Path.Combine(_folder, "k.index"), out var provider);
        var index = await provider.GetAsync();
        Assert.Equal(2, index.Documents.Count(d => d.Chunks.Count > 0));
        Assert.Contains(provider.LastReport!.Problems, p => p.Contains("broken.txt"));
    }
}
