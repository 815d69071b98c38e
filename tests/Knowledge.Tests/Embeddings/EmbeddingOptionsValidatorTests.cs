using Clinic.Knowledge.Embeddings;

namespace Clinic.Knowledge.Tests.Embeddings;

public sealed class EmbeddingOptionsValidatorTests
{
    private static EmbeddingOptions Azure() => new()
    {
        Provider = "AzureOpenAI",
        Endpoint = "https://clinic.openai.azure.com/openai/v1/",
        Deployment = "text-embedding-3-small",
        ApiKey = "key",
    };

    private static string? Failure(EmbeddingOptions o) => new EmbeddingOptionsValidator().Validate(null, o).FailureMessage;

    [Fact]
    public void AcceptsTheLocalDefaultWithNothingElseSet() => Assert.Null(Failure(new EmbeddingOptions()));

    [Fact]
    public void AcceptsAzureWithAKeyOrWithEntraId()
    {
        Assert.Null(Failure(Azure()));
        var entra = Azure();
        entra.ApiKey = null;
        entra.UseEntraId = true;
        Assert.Null(Failure(entra));
    }

    [Theory]
    [InlineData("Provider", "Pinecone", "Knowledge:Embeddings:Provider 'Pinecone' is unknown")]
    [InlineData("Endpoint", null, "Set Knowledge:Embeddings:Endpoint")]
    [InlineData("Endpoint", "http://clinic.openai.azure.com/", "uses http")]
    [InlineData("Deployment", " ", "Set Knowledge:Embeddings:Deployment")]
    [InlineData("ApiKey", "", "Set Knowledge:Embeddings:ApiKey")]
    [InlineData("Dimensions", "0", "Knowledge:Embeddings:Dimensions")]
    [InlineData("BatchSize", "4096", "Knowledge:Embeddings:BatchSize")]
    [InlineData("MaxConcurrentPasses", "0", "Knowledge:Embeddings:MaxConcurrentPasses")]
    [InlineData("MaxBatchTokens", "0", "MaxBatchTokens")]
    public void NamesTheSettingAndTheFix(string property, string? value, string expected)
    {
        var o = Azure();
        var info = typeof(EmbeddingOptions).GetProperty(property)!;
        var type = Nullable.GetUnderlyingType(info.PropertyType) ?? info.PropertyType;
        info.SetValue(o, value is null || type == typeof(string) ? value : Convert.ChangeType(value, type, System.Globalization.CultureInfo.InvariantCulture));

        var failure = Failure(o);

        Assert.NotNull(failure);
        Assert.Contains(expected, failure);
        Assert.Contains("appsettings.sample.json", failure);
    }

    [Fact]
    public void AllowsPlainHttpOnlyOnLoopback()
    {
        var o = Azure();
        o.Endpoint = "http://127.0.0.1:8080/openai/v1/";
        Assert.Null(Failure(o));
    }

    [Fact]
    public void RefusesToSendEntraIdTokensOverPlainHttp()
    {
        var o = Azure();
        o.Endpoint = "http://127.0.0.1:8080/openai/v1/";
        o.ApiKey = null;
        o.UseEntraId = true;
        Assert.Contains("UseEntraId needs an https Endpoint", Failure(o));
    }

    [Fact]
    public void RefusesEntraIdForANonAzureEndpoint()
    {
        var o = Azure();
        o.Provider = "OpenAI";
        o.UseEntraId = true;
        Assert.Contains("UseEntraId works with Provider AzureOpenAI only", Failure(o));
    }

    [Theory]
    [InlineData("AzureOpenAI", "https://clinic.openai.azure.com", "https://clinic.openai.azure.com/openai/v1/")]
    [InlineData("AzureOpenAI", "https://clinic.openai.azure.com/openai/v1", "https://clinic.openai.azure.com/openai/v1/")]
    [InlineData("OpenAI", "https://api.example.org/v1", "https://api.example.org/v1/")]
    [InlineData("OpenAI", "https://api.example.org", "https://api.example.org/")]
    public void CompletesOnlyABareAzureResourceAddress(string provider, string endpoint, string expected) =>
        Assert.Equal(expected, new EmbeddingOptions { Provider = provider, Endpoint = endpoint }.ResolvedEndpoint().ToString());
}
