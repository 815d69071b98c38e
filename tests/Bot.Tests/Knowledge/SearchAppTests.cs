using System.Net;
using System.Text.Json.Nodes;
using Clinic.Bot.Knowledge;
using Clinic.Bot.Tests.App;
using Clinic.Knowledge.Answers;
using Clinic.Knowledge.Indexing;
using Clinic.Knowledge.Retrieval;
using Clinic.Knowledge.Tests.Fakes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Clinic.Bot.Tests.Knowledge;

/// <summary>The whole app with <c>Knowledge:Search</c> pointing at the Azure AI Search fake on loopback (its certificate trusted by the Search clients only).</summary>
public sealed class SearchAppFixture : AppFixture, IAsyncLifetime
{
    // Started before the app, which reads its address from the settings.
    internal FakeSearchService Search { get; } = FakeSearchService.StartAsync().GetAwaiter().GetResult();

    protected override IReadOnlyDictionary<string, string> ExtraSettings => new Dictionary<string, string>
    {
        ["Knowledge:Search:Provider"] = "AzureAISearch",
        ["Knowledge:Search:Endpoint"] = Search.Endpoint,
        ["Knowledge:Search:ApiKey"] = FakeSearchService.ApiKey,
        ["Knowledge:Search:IndexName"] = "clinic-app-test",
        // Generous: the machine is shared and the budget is not what these tests measure.
        ["Knowledge:Search:Timeout"] = "00:00:30",
        ["Knowledge:Search:AttemptTimeout"] = "00:00:20",
        ["Knowledge:Search:MaxRetries"] = "0",
    };

    protected override void ConfigureServices(IServiceCollection services) => Search.TrustedBy(services);

    /// <summary>Waits for the warm-up's upload (the store's gate serializes it with this call).</summary>
    public async Task SyncedAsync() =>
        await Services.GetRequiredService<IPassageStore>().SyncAsync(await Services.GetRequiredService<KnowledgeIndexProvider>().GetAsync());

    Task IAsyncLifetime.InitializeAsync() => InitializeAsync();

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await Search.DisposeAsync();
    }
}

public sealed class SearchAppTests(SearchAppFixture app) : IClassFixture<SearchAppFixture>
{
    private static JsonNode Outcome(JsonObject reply) => reply["channelData"]!["clinic"]!;

    [Fact]
    public async Task AnswersWebChatThroughAzureAISearchWithCitations()
    {
        await app.SyncedAsync();
        Assert.True(app.Search.DocumentCount > 100);
        var before = app.Search.Of("docs.search").Count();
        var visitor = await app.NewVisitorAsync();

        var reply = Assert.Single(await visitor.AskAsync("Can I drive after a ketamine treatment?"));

        Assert.True(Outcome(reply)["answered"]!.GetValue<bool>(), reply["text"]!.GetValue<string>());
        Assert.NotEmpty(Outcome(reply)["citations"]!.AsArray());
        Assert.Equal(before + 1, app.Search.Of("docs.search").Count());
        Assert.Equal("Healthy", await (await app.Http.GetAsync("/readyz")).Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task OffersStaffAndReportsDegradedWhileSearchIsDownThenRecovers()
    {
        await app.SyncedAsync();
        var visitor = await app.NewVisitorAsync();
        app.Search.Down = true;
        try
        {
            var reply = Assert.Single(await visitor.AskAsync("What are the common side effects of ketamine?"));

            Assert.Equal(new AnswerOptions().DeclineSearchUnavailable, reply["text"]!.GetValue<string>());
            Assert.False(Outcome(reply)["answered"]!.GetValue<bool>());
            Assert.Contains(reply["suggestedActions"]!["actions"]!.AsArray(), a => a!["title"]!.GetValue<string>() == "Talk to a person");
            var ready = await app.Http.GetAsync("/readyz");
            Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
            Assert.Equal("Degraded", await ready.Content.ReadAsStringAsync());

            // A crisis needs no search: it still gets the crisis reply while the service is down.
            var crisis = await visitor.AskAsync("i want to kill myself tonight");
            Assert.Contains("988", crisis[0]["text"]!.GetValue<string>(), StringComparison.Ordinal);
        }
        finally
        {
            app.Search.Down = false;
        }

        var answered = Assert.Single(await (await app.NewVisitorAsync()).AskAsync("What are the common side effects of ketamine?"));
        Assert.True(Outcome(answered)["answered"]!.GetValue<bool>());
        Assert.Equal("Healthy", await (await app.Http.GetAsync("/readyz")).Content.ReadAsStringAsync());
    }
}

public sealed class SearchSettingsTests
{
    [Fact]
    public async Task TheAppRefusesToStartWithAzureAISearchAndNoEndpoint()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Knowledge:CorpusPath"] = Path.Combine(AppContext.BaseDirectory, "corpus"),
            ["Knowledge:Search:Provider"] = "AzureAISearch",
            ["Knowledge:Search:ApiKey"] = "k",
        });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.AddKnowledge();
        await using var app = builder.Build();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync());

        Assert.Contains("Missing Knowledge:Search:Endpoint. Set it to https://SERVICE.search.windows.net", error.Message, StringComparison.Ordinal);
        Assert.Contains("See appsettings.sample.json.", error.Message, StringComparison.Ordinal);
    }
}
