using System.Net;
using Clinic.Bot.Dialog;
using Clinic.Bot.Tests.Escalation;
using Clinic.Bot.Tests.Infrastructure;
using Clinic.Bot.Tests.Protocol;
using Clinic.Bot.Tests.Teams;

namespace Clinic.Bot.Tests.App;

/// <summary>The real service started on a damaged index file or corpus: it says what is wrong and either serves or stops once, never hangs.</summary>
public sealed class KnowledgeFaultTests : IAsyncLifetime
{
    private readonly string _folder = Directory.CreateTempSubdirectory("clinic-kfault-").FullName;
    private readonly List<IAsyncDisposable> _owned = [];
    private FakeConnector _channel = null!;

    private string Corpus => Path.Combine(_folder, "corpus");

    private string IndexPath => Path.Combine(_folder, "knowledge.index");

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(Corpus);
        foreach (var file in Directory.GetFiles(Path.Combine(RepoPaths.Root, "corpus")))
            File.Copy(file, Path.Combine(Corpus, Path.GetFileName(file)));
        _channel = await FakeConnector.StartAsync();
        _owned.Add(_channel);
    }

    public async Task DisposeAsync()
    {
        for (var i = _owned.Count - 1; i >= 0; i--)
            await _owned[i].DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task ATruncatedIndexFileIsRebuiltWithALogLineAndTheServiceAnswers()
    {
        var first = await StartAsync();
        var built = new FileInfo(IndexPath).Length;
        await first.KillAsync();
        var bytes = await File.ReadAllBytesAsync(IndexPath);
        await File.WriteAllBytesAsync(IndexPath, bytes[..(bytes.Length / 3)]);

        var second = await StartAsync();

        Assert.Contains("the index file was unreadable", second.Output);
        await AssertAnswersAsync(second);
        Assert.Equal(built, new FileInfo(IndexPath).Length);
    }

    [Fact]
    public async Task AnIndexFileOfGarbageIsRebuiltAndTheServiceAnswers()
    {
        await File.WriteAllTextAsync(IndexPath, new string('x', 10_000));

        var bot = await StartAsync();

        Assert.Contains("the index file was unreadable", bot.Output);
        await AssertAnswersAsync(bot);
    }

    [Fact]
    public async Task AnUnreadableDocumentIsNamedInTheLogAndTheRestOfTheCorpusIsServed()
    {
        await File.WriteAllBytesAsync(Path.Combine(Corpus, "broken.md"), [0x00, 0xFF, 0xFE, 0x00, 0x41, 0x00, 0xC3]);

        var bot = await StartAsync();

        Assert.Contains("Skipped a corpus document", bot.Output);
        Assert.Contains("broken.md", bot.Output);
        await AssertAnswersAsync(bot);
    }

    [Fact]
    public async Task ACorpusWithNothingReadableStopsTheServiceAtStartWithTheFix()
    {
        foreach (var file in Directory.GetFiles(Corpus))
            File.Delete(file);
        await File.WriteAllBytesAsync(Path.Combine(Corpus, "broken.txt"), [0x00, 0xFF, 0xFE, 0x00]);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => StartAsync());

        Assert.Contains("exited at start", error.Message);
        Assert.Contains("has no readable .txt or .md documents", error.Message);
        Assert.Contains("Knowledge:CorpusPath", error.Message);
    }

    private async Task<BotProcess> StartAsync()
    {
        var environment = new Dictionary<string, string>
        {
            ["Knowledge__CorpusPath"] = Corpus,
            ["Knowledge__IndexPath"] = IndexPath,
            ["Storage__Sqlite__Path"] = Path.Combine(_folder, "bot.db"),
            ["Logging__Console__FormatterName"] = "simple",
        };
        var bot = await BotProcess.StartAsync(_folder, environment);
        _owned.Add(bot);
        return bot;
    }

    private async Task AssertAnswersAsync(BotProcess bot)
    {
        using var http = new HttpClient();
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(bot.BaseUrl + "/readyz")).StatusCode);
        var conversation = "conv-" + Guid.NewGuid().ToString("N")[..12];
        Assert.Equal(HttpStatusCode.OK, (await ConnectorMessages.PostAsync(bot.BaseUrl, _channel.ServiceUrl, conversation, "How is ketamine given?")).StatusCode);
        var reply = ConnectorMessages.Replies(_channel, conversation).First();
        Assert.NotEqual(new DialogOptions().TurnFailed, reply);
        Assert.Contains("ketamine", reply, StringComparison.OrdinalIgnoreCase);
    }
}
