using Clinic.Knowledge.Search;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Clinic.Knowledge.Tests.Search;

public sealed class SearchOptionsValidatorTests
{
    private static readonly SearchOptionsValidator Validator = new();

    private static SearchOptions Azure() => new()
    {
        Provider = SearchProvider.AzureAISearch, Endpoint = "https://clinic.search.windows.net", ApiKey = "k",
    };

    [Fact]
    public void TheInProcessIndexIsTheDefaultAndNeedsNothing()
    {
        Assert.Equal(SearchProvider.InProcess, new SearchOptions().Provider);
        Assert.True(Validator.Validate(null, new SearchOptions()).Succeeded);
    }

    [Theory]
    [InlineData("k", false, true)]
    [InlineData("", true, true)]
    [InlineData("", false, false)]
    public void NeedsAnAdminKeyOrEntraId(string key, bool entra, bool valid)
    {
        var o = Azure();
        (o.ApiKey, o.UseEntraId) = (key, entra);
        Assert.Equal(valid, Validator.Validate(null, o).Succeeded);
    }

    [Theory]
    [InlineData(nameof(SearchOptions.Endpoint), "", "Missing Knowledge:Search:Endpoint")]
    [InlineData(nameof(SearchOptions.Endpoint), "http://clinic.search.windows.net", "Knowledge:Search:Endpoint must be an https address")]
    [InlineData(nameof(SearchOptions.ApiKey), "", "Missing Knowledge:Search:ApiKey")]
    [InlineData(nameof(SearchOptions.IndexName), "Clinic_Knowledge", "Knowledge:Search:IndexName 'Clinic_Knowledge' is not a valid")]
    [InlineData(nameof(SearchOptions.IndexName), "clinic--knowledge", "is not a valid Azure AI Search index name")]
    public void SaysWhichSettingIsWrongAndPointsAtTheSample(string setting, string value, string message)
    {
        var o = Azure();
        typeof(SearchOptions).GetProperty(setting)!.SetValue(o, value);
        var failure = Validator.Validate(null, o).FailureMessage ?? "";
        Assert.Contains(message, failure, StringComparison.Ordinal);
        Assert.EndsWith("See appsettings.sample.json.", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void RejectsAQueryBudgetTheVisitorCannotWaitForAndAnOversizedBatch()
    {
        var o = Azure();
        o.Timeout = TimeSpan.FromMinutes(1);
        o.BatchSize = 5000;
        var failure = Validator.Validate(null, o).FailureMessage;
        Assert.Contains("Knowledge:Search:Timeout", failure, StringComparison.Ordinal);
        Assert.Contains("Knowledge:Search:BatchSize", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void TheStoreFailsFastWithTheMessageWhenTheEndpointIsMissing()
    {
        var services = new ServiceCollection().AddLogging();
        services.AddOptions<SearchOptions>().Configure(o => o.Provider = SearchProvider.AzureAISearch);
        services.AddSingleton<IValidateOptions<SearchOptions>, SearchOptionsValidator>();
        services.AddSingleton(Options.Create(new Clinic.Knowledge.Retrieval.RetrievalOptions()));
        services.AddPassageStore();
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<Clinic.Knowledge.Retrieval.IPassageStore>());
        Assert.Contains("Missing Knowledge:Search:Endpoint. Set it to https://SERVICE.search.windows.net", error.Message, StringComparison.Ordinal);
        Assert.Contains("See appsettings.sample.json.", error.Message, StringComparison.Ordinal);
    }
}
