using Clinic.Knowledge.Generation;

namespace Clinic.Knowledge.Tests.Generation;

public sealed class GenerationOptionsValidatorTests
{
    private static readonly GenerationOptionsValidator Validator = new();

    private static GenerationOptions Azure() => new()
    {
        Provider = GenerationProvider.AzureOpenAI, Endpoint = "https://clinic.openai.azure.com/", Deployment = "gpt-4o-mini", ApiKey = "k",
    };

    [Fact]
    public void AcceptsTheDefaultWithGenerationOff() => Assert.True(Validator.Validate(null, new GenerationOptions()).Succeeded);

    [Fact]
    public void AcceptsAzureWithAKeyOrWithEntraId()
    {
        Assert.True(Validator.Validate(null, Azure()).Succeeded);
        var entra = Azure();
        entra.ApiKey = "";
        entra.UseEntraId = true;
        Assert.True(Validator.Validate(null, entra).Succeeded);
    }

    [Theory]
    [InlineData("Endpoint", "Missing Knowledge:Generation:Endpoint")]
    [InlineData("Deployment", "Missing Knowledge:Generation:Deployment")]
    [InlineData("ApiKey", "Missing Knowledge:Generation:ApiKey")]
    public void NamesTheMissingSettingAndWhereItGoes(string setting, string message)
    {
        var o = Azure();
        typeof(GenerationOptions).GetProperty(setting)!.SetValue(o, "");
        var result = Validator.Validate(null, o);
        Assert.True(result.Failed);
        Assert.Contains(message, result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("appsettings.sample.json", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void RefusesToSendEntraIdTokensOverPlainHttp()
    {
        var o = Azure();
        o.Endpoint = "http://127.0.0.1:8080/";
        o.UseEntraId = true;
        Assert.Contains("UseEntraId needs an https Endpoint", Validator.Validate(null, o).FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void RejectsABudgetTheVisitorCannotWaitFor()
    {
        var o = Azure();
        o.Timeout = TimeSpan.FromMinutes(2);
        Assert.Contains("Timeout", Validator.Validate(null, o).FailureMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://clinic.openai.azure.com", "https://clinic.openai.azure.com/openai/v1/")]
    [InlineData("https://clinic.openai.azure.com/openai/v1/", "https://clinic.openai.azure.com/openai/v1/")]
    public void UsesAzuresV1Endpoint(string endpoint, string expected)
    {
        var o = Azure();
        o.Endpoint = endpoint;
        Assert.Equal(expected, OpenAIClientFactory.EndpointFor(o)!.ToString());
    }
}
