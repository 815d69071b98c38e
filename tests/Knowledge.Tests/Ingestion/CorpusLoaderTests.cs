using System.Text;
using Clinic.Knowledge.Ingestion;

namespace Clinic.Knowledge.Tests.Ingestion;

public sealed class CorpusLoaderTests : IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly CorpusLoader _loader = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task LoadsEveryRealCorpusFileInNameOrderWithoutProblems()
    {
        var result = await _loader.LoadAsync(CorpusFiles.Folder);

        Assert.Equal(CorpusFiles.AllNames(), result.Documents.Select(d => d.Id));
        Assert.Empty(result.Problems);
        Assert.All(result.Documents, d => Assert.NotEmpty(d.Chunks));
    }

    [Fact]
    public async Task LoadsTextAndMarkdownFilesSortedByNameAndIgnoresOtherFiles()
    {
        _folder.Write("b.md", "# Driving\n\nDo not drive for 24 hours.");
        _folder.Write("a.TXT", "Rest after your session.");
        _folder.Write("notes.docx", "not a corpus file");
        Directory.CreateDirectory(Path.Combine(_folder.Path, "sub.txt"));

        var result = await _loader.LoadAsync(_folder.Path);

        Assert.Equal(["a.TXT", "b.md"], result.Documents.Select(d => d.Id));
        Assert.Equal("Driving", result.Documents[1].Title);
        Assert.Empty(result.Problems);
    }

    [Fact]
    public async Task AByteOrderMarkIsNotPartOfTheText()
    {
        _folder.WriteBytes("bom.txt", [.. Encoding.UTF8.Preamble, .. Encoding.UTF8.GetBytes("Rest after your session.")]);

        var document = Assert.Single((await _loader.LoadAsync(_folder.Path)).Documents);

        Assert.Equal("Rest after your session.", document.OriginalText);
        Assert.Equal(0, document.Chunks.Single().Start);
    }

    [Fact]
    public async Task AMissingFolderThrowsWithTheSettingThatFixesIt()
    {
        var missing = Path.Combine(_folder.Path, "nowhere");

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => _loader.LoadAsync(missing));

        Assert.Contains($"Corpus folder '{missing}' not found", error.Message, StringComparison.Ordinal);
        Assert.Contains("Knowledge:CorpusPath", error.Message, StringComparison.Ordinal);
        Assert.Contains("appsettings.sample.json", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ABinaryFileIsReportedAndTheOtherFilesStillLoad()
    {
        _folder.Write("a.txt", "Rest after your session.");
        var binary = _folder.WriteBytes("b.txt", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00]);

        var result = await _loader.LoadAsync(_folder.Path);

        Assert.Equal("a.txt", Assert.Single(result.Documents).Id);
        var problem = Assert.Single(result.Problems);
        Assert.Equal(binary, problem.Path);
        Assert.Contains("binary", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AFileThatIsNotUtf8IsReportedNotGarbled()
    {
        var latin1 = _folder.WriteBytes("latin1.txt", Encoding.Latin1.GetBytes("Caf\u00e9 patients rest."));

        var result = await _loader.LoadAsync(_folder.Path);

        Assert.Empty(result.Documents);
        var problem = Assert.Single(result.Problems);
        Assert.Equal(latin1, problem.Path);
        Assert.Contains("not valid UTF-8", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AFileThatCannotBeReadIsReportedAndTheOtherFilesStillLoad()
    {
        _folder.Write("a.txt", "Rest after your session.");
        var dangling = Path.Combine(_folder.Path, "gone.txt");
        File.CreateSymbolicLink(dangling, Path.Combine(_folder.Path, "deleted-target.txt"));

        var result = await _loader.LoadAsync(_folder.Path);

        Assert.Equal("a.txt", Assert.Single(result.Documents).Id);
        var problem = Assert.Single(result.Problems);
        Assert.Equal(dangling, problem.Path);
        Assert.Contains("cannot be read", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AFileWithNothingButFurnitureLoadsWithNoChunksAndIsReported()
    {
        var empty = _folder.Write("empty.txt", "");
        var furniture = _folder.Write("furniture.txt", "Share Now :\n\nLeave a Reply\n");

        var result = await _loader.LoadAsync(_folder.Path);

        Assert.Equal(["empty.txt", "furniture.txt"], result.Documents.Select(d => d.Id));
        Assert.All(result.Documents, d => Assert.Empty(d.Chunks));
        Assert.Equal(2, result.Documents[1].Dropped.Count);
        Assert.Equal([empty, furniture], result.Problems.Select(p => p.Path));
    }

    [Fact]
    public async Task AnEmptyFolderIsReportedAsAProblem()
    {
        var result = await _loader.LoadAsync(_folder.Path);

        Assert.Empty(result.Documents);
        Assert.Equal(_folder.Path, Assert.Single(result.Problems).Path);
    }
}
