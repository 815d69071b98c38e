using System.ClientModel;
using System.ClientModel.Primitives;
using Azure.Core;
using OpenAI;

namespace Clinic.Knowledge.Generation;

/// <summary>
/// Builds the <see cref="OpenAIClient"/> for Azure OpenAI (its OpenAI-compatible v1 endpoint) or any OpenAI-compatible
/// service, over a caller's <see cref="HttpClient"/> so the caller's resilience handler sees every call.
/// </summary>
/// <remarks>
/// Azure.AI.OpenAI's chat client is not used: it breaks next to OpenAI 2.15. Azure's v1 endpoint takes the plain
/// OpenAI client with the key as a bearer token, or an Entra ID token.
/// </remarks>
public static class OpenAIClientFactory
{
    /// <summary>The Entra ID scope of Azure OpenAI.</summary>
    public const string AzureScope = "https://cognitiveservices.azure.com/.default";

    /// <summary>The chat client for <paramref name="options"/>; its network timeout is the answer budget (the SDK's 100 s default would outlive the visitor).</summary>
    public static OpenAIClient Create(GenerationOptions options, HttpClient httpClient, TokenCredential? entraId = null) =>
        Create(EndpointFor(options), options.ApiKey, options.Provider == GenerationProvider.AzureOpenAI && options.UseEntraId ? entraId : null,
            httpClient, options.Timeout);

    /// <summary>
    /// The client for any OpenAI-compatible endpoint (null: OpenAI's own service), with an API key or, when
    /// <paramref name="entraId"/> is given, its Entra ID tokens for <see cref="AzureScope"/>, over <paramref name="httpClient"/>.
    /// The SDK's own retries are off: the HttpClient's resilience handler retries once, where two layers would multiply the attempts.
    /// </summary>
    public static OpenAIClient Create(Uri? endpoint, string? apiKey, TokenCredential? entraId, HttpClient httpClient, TimeSpan networkTimeout)
    {
        var clientOptions = new OpenAIClientOptions
        {
            Transport = new HttpClientPipelineTransport(httpClient),
            RetryPolicy = new ClientRetryPolicy(maxRetries: 0),
            NetworkTimeout = networkTimeout,
        };
        if (endpoint is not null)
            clientOptions.Endpoint = endpoint;
        if (entraId is not null)
        {
            // The token-policy constructor is marked for evaluation, but it is how Azure documents Entra ID on the v1 endpoint.
#pragma warning disable OPENAI001
            return new OpenAIClient(new BearerTokenPolicy(entraId, AzureScope), clientOptions);
#pragma warning restore OPENAI001
        }
        return new OpenAIClient(new ApiKeyCredential(apiKey!), clientOptions);
    }

    /// <summary>The base address the SDK appends <c>chat/completions</c> to; null for OpenAI's own service.</summary>
    public static Uri? EndpointFor(GenerationOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.Endpoint))
            return null;
        var text = options.Endpoint.Trim();
        if (!text.EndsWith('/'))
            text += "/";
        // An Azure resource address ("https://RESOURCE.openai.azure.com/") means its v1 API.
        if (options.Provider == GenerationProvider.AzureOpenAI && !text.Contains("/openai/", StringComparison.OrdinalIgnoreCase))
            text += "openai/v1/";
        return new Uri(text);
    }
}
