using Microsoft.Extensions.Options;

namespace Clinic.Knowledge.Embeddings;

/// <summary>Checks <see cref="EmbeddingOptions"/> at start, each failure naming the setting and the fix.</summary>
public sealed class EmbeddingOptionsValidator : IValidateOptions<EmbeddingOptions>
{
    private const string Sample = " See appsettings.sample.json.";

    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, EmbeddingOptions options)
    {
        var failures = new List<string>();
        var provider = options.Provider;
        if (!new[] { EmbeddingOptions.Local, EmbeddingOptions.AzureOpenAI, EmbeddingOptions.OpenAI }.Contains(provider, StringComparer.OrdinalIgnoreCase))
            failures.Add($"Knowledge:Embeddings:Provider '{provider}' is unknown: use Local (the built-in model), AzureOpenAI or OpenAI (any OpenAI-compatible endpoint)." + Sample);
        if (options.MaxConcurrentPasses is < 1 or > 64 || options.MaxBatchTokens is < 1 or > 4096)
            failures.Add("Knowledge:Embeddings:MaxConcurrentPasses must be 1-64 and MaxBatchTokens 1-4096 (Batching=false turns batching off)." + Sample);
        if (!options.IsRemote || failures.Count > 0)
            return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);

        var azure = string.Equals(provider, EmbeddingOptions.AzureOpenAI, StringComparison.OrdinalIgnoreCase);
        if (!Uri.TryCreate(options.Endpoint, UriKind.Absolute, out var endpoint) || endpoint.Scheme is not ("https" or "http"))
            failures.Add("Set Knowledge:Embeddings:Endpoint to the service's address, e.g. https://RESOURCE.openai.azure.com/openai/v1/." + Sample);
        else if (endpoint.Scheme == "http" && !endpoint.IsLoopback)
            failures.Add($"Knowledge:Embeddings:Endpoint '{endpoint.Host}' uses http: keys and corpus text would cross the network unencrypted. Use https." + Sample);
        if (string.IsNullOrWhiteSpace(options.Deployment))
            failures.Add("Set Knowledge:Embeddings:Deployment to the embedding deployment name (Azure) or model name, e.g. text-embedding-3-small." + Sample);
        if (options.UseEntraId && !azure)
            failures.Add("Knowledge:Embeddings:UseEntraId works with Provider AzureOpenAI only; set ApiKey for an OpenAI-compatible endpoint." + Sample);
        else if (options.UseEntraId && endpoint is { Scheme: "http" })
            failures.Add("Knowledge:Embeddings:UseEntraId needs an https Endpoint: Entra ID tokens are never sent over plain http." + Sample);
        if (!options.UseEntraId && string.IsNullOrWhiteSpace(options.ApiKey))
            failures.Add("Set Knowledge:Embeddings:ApiKey (Key Vault, user secrets or the environment, never a committed file)"
                + (azure ? ", or Knowledge:Embeddings:UseEntraId=true with the Cognitive Services OpenAI User role." : ".") + Sample);
        if (options.Dimensions is <= 0 or > 8192)
            failures.Add("Knowledge:Embeddings:Dimensions must be empty (the model's own) or between 1 and 8192." + Sample);
        if (options.BatchSize is < 1 or > 2048)
            failures.Add("Knowledge:Embeddings:BatchSize must be between 1 and 2048 (Azure's limit per request)." + Sample);
        if (options.AttemptTimeout <= TimeSpan.Zero || options.TotalTimeout < options.AttemptTimeout)
            failures.Add("Knowledge:Embeddings:AttemptTimeout must be positive and TotalTimeout at least as long." + Sample);
        if (options.MaxRetries is < 0 or > 10 || options.RetryBaseDelay < TimeSpan.Zero || options.BreakDuration < TimeSpan.FromSeconds(1))
            failures.Add("Knowledge:Embeddings:MaxRetries must be 0-10, RetryBaseDelay not negative and BreakDuration at least 1 second." + Sample);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
