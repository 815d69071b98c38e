using Microsoft.Extensions.Options;

namespace Clinic.Knowledge.Generation;

/// <summary>Checks <c>Knowledge:Generation</c> at start, each failure with its fix.</summary>
internal sealed class GenerationOptionsValidator : IValidateOptions<GenerationOptions>
{
    private const string See = " See appsettings.sample.json.";

    public ValidateOptionsResult Validate(string? name, GenerationOptions o)
    {
        if (o.Provider == GenerationProvider.None)
            return ValidateOptionsResult.Success;
        var errors = new List<string>();
        var azure = o.Provider == GenerationProvider.AzureOpenAI;
        if (azure && string.IsNullOrWhiteSpace(o.Endpoint))
            errors.Add("Missing Knowledge:Generation:Endpoint. Set it to https://RESOURCE.openai.azure.com/ (your Azure OpenAI resource)." + See);
        if (!string.IsNullOrWhiteSpace(o.Endpoint) && !IsHttpUri(o.Endpoint))
            errors.Add("Knowledge:Generation:Endpoint is not an http(s) address. Set it to the service's base address, for example https://RESOURCE.openai.azure.com/." + See);
        if (string.IsNullOrWhiteSpace(o.Deployment))
            errors.Add("Missing Knowledge:Generation:Deployment. Set it to the Azure deployment name (or the model name for an OpenAI-compatible endpoint)." + See);
        if (o.UseEntraId && !azure)
            errors.Add("Knowledge:Generation:UseEntraId applies to Provider=AzureOpenAI only. Set an ApiKey for an OpenAI-compatible endpoint." + See);
        else if (o.UseEntraId && o.Endpoint?.Trim().StartsWith("http:", StringComparison.OrdinalIgnoreCase) == true)
            errors.Add("Knowledge:Generation:UseEntraId needs an https Endpoint: Entra ID tokens are never sent over plain http." + See);
        if (!o.UseEntraId && string.IsNullOrWhiteSpace(o.ApiKey))
            errors.Add("Missing Knowledge:Generation:ApiKey. Put it in user secrets or the environment (Knowledge__Generation__ApiKey), or set Knowledge:Generation:UseEntraId=true on Azure." + See);
        errors.AddRange(o.Problems("Knowledge:Generation"));
        if (o.MaxPassages is < 1 or > 10 || o.MinVerifiedSentences < 1 || o.MinVerifiedShare is < 0 or > 1 || o.MinSupport is <= 0 or > 1)
            errors.Add("Knowledge:Generation answer settings are out of range: MaxPassages 1-10, MinVerifiedSentences >= 1, MinVerifiedShare 0-1, MinSupport in (0, 1]." + See);
        if (o.MaxOutputTokens is < 16 or > 4000)
            errors.Add("Knowledge:Generation:MaxOutputTokens must be 16-4000." + See);
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static bool IsHttpUri(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https";
}
