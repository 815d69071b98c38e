using Clinic.Knowledge.Answers;
using Clinic.Knowledge.Retrieval;
using Clinic.Knowledge.Search;
using Clinic.Knowledge.Tests.Fakes;
using Microsoft.Extensions.Options;

namespace Clinic.Knowledge.Tests.Search;

/// <summary>Questions answered through the hybrid query, as <c>ask</c> and chat answer them, and what happens when the service fails.</summary>
public sealed class AzureSearchAnswerTests(SearchFixture fixture) : IClassFixture<SearchFixture>, IAsyncLifetime
{
    private const string DrivingQuestion = "Can I drive after a ketamine treatment?";
    private FakeSearchService _search = null!;

    public async Task InitializeAsync() => _search = await FakeSearchService.StartAsync();

    public async Task DisposeAsync() => await _search.DisposeAsync();

    private async Task<SearchKnowledge> SyncedAsync(Action<SearchOptions>? configure = null)
    {
        var knowledge = new SearchKnowledge(_search, fixture.Encoder, SearchFixture.Corpus, fixture.IndexPath, configure);
        await knowledge.SyncAsync();
        return knowledge;
    }

    private static string Collapse(string s) => string.Join(' ', s.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    [Fact]
    public async Task AnswersFromTheChunksTheHybridQueryFoundWithExactCitations()
    {
        using var knowledge = await SyncedAsync();
        var before = _search.Requests.Count;

        var answer = await knowledge.Service.AnswerAsync(DrivingQuestion);

        Assert.True(answer.Answered, answer.Text);
        Assert.Contains("24 hours", Collapse(answer.Text) + " " + string.Join(' ', answer.Citations.Select(c => Collapse(c.Quote))), StringComparison.Ordinal);
        foreach (var citation in answer.Citations)
        {
            var original = await File.ReadAllTextAsync(Path.Combine(SearchFixture.Corpus, citation.Source));
            Assert.Contains(citation.Quote, original, StringComparison.Ordinal);
        }
        var query = Assert.Single(_search.Requests.Skip(before));
        Assert.Equal("docs.search", query.Operation);
        Assert.Equal("Can I drive after a ketamine treatment", (string?)query.Body!["search"]);
        Assert.Equal(50, (int)query.Body["top"]!);
        Assert.Equal("chunkId", (string?)query.Body["select"]);
        Assert.StartsWith("indexKey eq '", (string?)query.Body["filter"], StringComparison.Ordinal);
        var vector = query.Body["vectorQueries"]!.AsArray().Single()!;
        Assert.Equal("vector", (string?)vector["kind"]);
        Assert.Equal("vector,sectionVector", (string?)vector["fields"]);
        Assert.Equal(50, (int)vector["k"]!);
        Assert.Equal(512, vector["vector"]!.AsArray().Count);
    }

    [Fact]
    public async Task CitesOnlyChunksTheServiceFound()
    {
        const string question = "What are the common side effects of ketamine?";
        using var knowledge = await SyncedAsync();
        var index = await knowledge.Provider.GetAsync();
        var retrieval = Options.Create(new RetrievalOptions());
        var inProcess = await new KnowledgeService(knowledge.Provider, new HybridRetriever(fixture.Encoder, retrieval),
            new AnswerComposer(Options.Create(new AnswerOptions())), retrieval).AnswerAsync(question);
        // Five documents discuss side effects; the service is made to find only another one's passages than the
        // in-process ranking cites, so only its ranking can explain where the answer comes from.
        var other = index.Chunks.Where(c => c.Text.Contains("side effect", StringComparison.OrdinalIgnoreCase))
            .GroupBy(c => c.DocumentId).Where(g => inProcess.Citations.All(x => x.Source != g.Key)).MaxBy(g => g.Count())!;
        _search.Rank = _ => other.Select(c => c.Id).ToList();

        var answer = await knowledge.Service.AnswerAsync(question);

        Assert.True(answer.Answered, answer.Text);
        Assert.NotEmpty(inProcess.Citations);
        Assert.All(answer.Citations, c => Assert.Equal(other.Key, c.Source));
    }

    [Fact]
    public async Task RetriesA503AndA429ThatHonoursRetryAfterAndThenAnswers()
    {
        using var knowledge = await SyncedAsync();
        var before = _search.Requests.Count;
        _search.FailNext("docs.search", 503);
        _search.FailNext("docs.search", 429, retryAfter: "1");

        var answer = await knowledge.Service.AnswerAsync(DrivingQuestion);

        Assert.True(answer.Answered, answer.Text);
        Assert.Equal([503, 429, 200], _search.Requests.Skip(before).Select(r => r.Status));
        Assert.Null(knowledge.Health.Degradation(TimeSpan.FromMinutes(1)));
    }

    [Fact]
    public async Task DeclinesWithAnOfferOfStaffWhileTheServiceIsDownAndAnswersOnceItIsBack()
    {
        using var knowledge = await SyncedAsync(o => o.MaxRetries = 0);
        _search.Down = true;

        var declined = await knowledge.Service.AnswerAsync(DrivingQuestion);

        Assert.False(declined.Answered);
        Assert.Equal(DeclineReason.SearchUnavailable, declined.Decline);
        Assert.Equal(new AnswerOptions().DeclineSearchUnavailable, declined.Text);
        Assert.Empty(declined.Citations);
        Assert.Contains("failed", knowledge.Health.Degradation(TimeSpan.FromMinutes(1)));
        Assert.Contains(knowledge.Logger.Lines, l => l.StartsWith("Warning") && l.Contains("HTTP 503", StringComparison.Ordinal));
        Assert.DoesNotContain(knowledge.Logger.Lines, l => l.Contains("drive", StringComparison.OrdinalIgnoreCase));

        _search.Down = false;
        var answered = await knowledge.Service.AnswerAsync(DrivingQuestion);
        Assert.True(answered.Answered, answered.Text);
        Assert.Null(knowledge.Health.Degradation(TimeSpan.FromMinutes(1)));
    }

    [Fact]
    public async Task StopsAskingWhileTheBreakerIsOpenAndSaysSoOnTheHealthCheck()
    {
        using var knowledge = await SyncedAsync(o =>
        {
            o.MaxRetries = 0;
            o.BreakerMinimumThroughput = 2;
        });
        _search.Down = true;
        for (var i = 0; i < 3; i++)
            Assert.Equal(DeclineReason.SearchUnavailable, (await knowledge.Service.AnswerAsync(DrivingQuestion)).Decline);
        Assert.Contains("circuit breaker open", knowledge.Health.Degradation(TimeSpan.FromMinutes(1)));

        var sent = _search.Requests.Count;
        Assert.Equal(DeclineReason.SearchUnavailable, (await knowledge.Service.AnswerAsync(DrivingQuestion)).Decline);
        Assert.Equal(sent, _search.Requests.Count);
        Assert.Contains(knowledge.Logger.Lines, l => l.Contains("circuit is open", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("{\"value\":[{\"@search.score\":0.03,\"chunkId\":")]
    [InlineData("{\"value\":[{\"@search.score\":0.03}]}")]
    [InlineData("<html>gateway</html>")]
    public async Task AMalformedResponseIsAClearDeclineNotACrash(string body)
    {
        using var knowledge = await SyncedAsync(o => o.MaxRetries = 0);
        _search.AnswerNextWith("docs.search", body);

        var answer = await knowledge.Service.AnswerAsync(DrivingQuestion);

        Assert.Equal(DeclineReason.SearchUnavailable, answer.Decline);
        Assert.Contains(knowledge.Logger.Lines, l => l.StartsWith("Warning") && l.Contains("malformed", StringComparison.Ordinal));
        Assert.True((await knowledge.Service.AnswerAsync(DrivingQuestion)).Answered);
    }

    [Fact]
    public async Task QuestionsAreDeclinedAtOnceWhileTheIndexCouldNotBePrepared()
    {
        using var knowledge = new SearchKnowledge(_search, fixture.Encoder, SearchFixture.Corpus, fixture.IndexPath, o => o.MaxRetries = 0);
        await knowledge.Provider.GetAsync();
        _search.FailNext("index.get", 500);
        await Assert.ThrowsAsync<SearchServiceException>(() => knowledge.SyncAsync());
        var sent = _search.Requests.Count;

        var answer = await knowledge.Service.AnswerAsync(DrivingQuestion);

        // The warm-up retries the upload in the background; a visitor neither waits for it nor starts another.
        Assert.Equal(DeclineReason.SearchUnavailable, answer.Decline);
        Assert.Equal(sent, _search.Requests.Count);
        await knowledge.SyncAsync();
        Assert.True((await knowledge.Service.AnswerAsync(DrivingQuestion)).Answered);
    }

    [Fact]
    public async Task TheFirstQuestionPreparesTheIndexWhenNothingElseHas()
    {
        // The command line's ask has no warm-up: its first question pays for the check (and the upload), as for the local index.
        using var knowledge = new SearchKnowledge(_search, fixture.Encoder, SearchFixture.Corpus, fixture.IndexPath);

        var answer = await knowledge.Service.AnswerAsync(DrivingQuestion);

        Assert.True(answer.Answered, answer.Text);
        Assert.Single(_search.Of("index.put"));
    }

    [Theory]
    [InlineData("ketamine -depression", "ketamine depression")]
    [InlineData("\"dose\" OR (cost) | price* ~ ^2", "dose OR cost price 2")]
    [InlineData("What's IV?", "What's IV")]
    [InlineData("?!", "*")]
    public void SearchesTheVisitorsWordsNotQuerySyntax(string question, string sent) =>
        Assert.Equal(sent, AzureSearchPassageStore.QueryText(question));
}
