using Clinic.Knowledge.Resilience;

namespace Clinic.Knowledge.Generation;

/// <summary>
/// Optional generative answers (section <c>Knowledge:Generation</c>): a chat model rewrites the retrieved passages,
/// and only sentences the verifier can trace to a cited passage reach the visitor. Off by default. Past <see cref="ResilienceOptions.Timeout"/>
/// (the model's share of the visitor's wait, 2.5 s) the visitor gets the extractive answer.
/// </summary>
public sealed class GenerationOptions : ResilienceOptions
{
    /// <summary><c>None</c> (default), <c>AzureOpenAI</c> or <c>OpenAI</c> (any OpenAI-compatible endpoint).</summary>
    public GenerationProvider Provider { get; set; } = GenerationProvider.None;

    /// <summary>
    /// The service address. Azure: <c>https://RESOURCE.openai.azure.com/</c> (the v1 path <c>openai/v1/</c> is added when
    /// missing). OpenAI-compatible: the base address the Chat Completions path is appended to; empty means api.openai.com.
    /// </summary>
    public string Endpoint { get; set; } = "";

    /// <summary>The Azure deployment name, or the model name for an OpenAI-compatible endpoint.</summary>
    public string Deployment { get; set; } = "";

    /// <summary>The API key; a secret, so never in a file in the repository. Leave empty with <see cref="UseEntraId"/>.</summary>
    public string ApiKey { get; set; } = "";

    /// <summary>Azure only: authenticate with Entra ID (managed identity, or the developer's sign-in) instead of a key.</summary>
    public bool UseEntraId { get; set; }

    /// <summary>Passages from retrieval the model may cite.</summary>
    public int MaxPassages { get; set; } = 4;

    /// <summary>Verified sentences an answer needs; with fewer, the extractive answer is sent instead.</summary>
    public int MinVerifiedSentences { get; set; } = 1;

    /// <summary>The share of the model's sentences that must pass verification; below it the whole answer is distrusted.</summary>
    public double MinVerifiedShare { get; set; } = 0.5;

    /// <summary>The share of a sentence's content words (stemmed) that its cited passages must contain.</summary>
    public double MinSupport { get; set; } = 0.7;

    /// <summary>The most tokens the model may write.</summary>
    public int MaxOutputTokens { get; set; } = 350;
}
