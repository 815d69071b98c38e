namespace Clinic.Knowledge.Generation;

/// <summary>
/// Optional generative answers (section <c>Knowledge:Generation</c>): a chat model rewrites the retrieved passages,
/// and only sentences the verifier can trace to a cited passage reach the visitor. Off by default.
/// </summary>
public sealed class GenerationOptions
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

    /// <summary>The whole budget for the model, retries included; past it the visitor gets the extractive answer.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(2.5);

    /// <summary>The limit for one attempt, so a hung attempt leaves time for a retry.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Retries after a transient failure (429, 5xx, timeout), with jittered backoff honouring Retry-After.</summary>
    public int MaxRetries { get; set; } = 2;

    /// <summary>The first retry's delay; later ones grow exponentially.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>The share of failed calls within <see cref="BreakerSamplingDuration"/> that opens the circuit breaker.</summary>
    public double BreakerFailureRatio { get; set; } = 0.5;

    /// <summary>Calls needed within the sampling window before the breaker may open.</summary>
    public int BreakerMinimumThroughput { get; set; } = 4;

    /// <summary>The window the breaker measures failures over.</summary>
    public TimeSpan BreakerSamplingDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long the breaker stays open (extractive answers only, no calls) before it lets one call try.</summary>
    public TimeSpan BreakerBreakDuration { get; set; } = TimeSpan.FromSeconds(30);

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

    /// <summary>How long a failed call keeps the health check at Degraded.</summary>
    public TimeSpan DegradedAfterFailure { get; set; } = TimeSpan.FromMinutes(1);
}
