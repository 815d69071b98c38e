namespace Clinic.Knowledge.Embeddings;

/// <summary>Which sentence embedder answers, bound from the <c>Knowledge:Embeddings</c> configuration section.</summary>
public sealed class EmbeddingOptions
{
    /// <summary>The configuration section these options bind to.</summary>
    public const string SectionName = "Knowledge:Embeddings";

    /// <summary><c>Provider</c> value for <see cref="UniversalSentenceEncoder"/> in process (the default).</summary>
    public const string Local = "Local";

    /// <summary><c>Provider</c> value for an Azure OpenAI embedding deployment on the resource's v1 endpoint.</summary>
    public const string AzureOpenAI = "AzureOpenAI";

    /// <summary><c>Provider</c> value for any OpenAI-compatible <c>/embeddings</c> endpoint.</summary>
    public const string OpenAI = "OpenAI";

    /// <summary><c>Local</c>, <c>AzureOpenAI</c> or <c>OpenAI</c>.</summary>
    public string Provider { get; set; } = Local;

    /// <summary>Folder holding model.json, vocab.json and the weight shards; null means <see cref="UniversalSentenceEncoder.DefaultModelDirectory"/>.</summary>
    public string? ModelPath { get; set; }

    /// <summary>
    /// The service's base address: <c>https://RESOURCE.openai.azure.com/openai/v1/</c> for Azure (the resource address alone
    /// is completed to that), or an OpenAI-compatible base such as <c>https://api.openai.com/v1/</c>.
    /// </summary>
    public string? Endpoint { get; set; }

    /// <summary>The embedding deployment name (Azure) or model name (OpenAI-compatible).</summary>
    public string? Deployment { get; set; }

    /// <summary>The API key; leave empty with <see cref="UseEntraId"/>. A secret: Key Vault, user secrets or the environment only.</summary>
    public string? ApiKey { get; set; }

    /// <summary>Authenticate with Entra ID (managed identity, Azure CLI, ...) instead of a key; Azure only.</summary>
    public bool UseEntraId { get; set; }

    /// <summary>Vector length to ask for (text-embedding-3 models can shorten theirs); null takes the model's own.</summary>
    public int? Dimensions { get; set; }

    /// <summary>
    /// Local model: texts of concurrent requests (chat turns) that arrive while the model is busy share its next pass,
    /// which costs little more than a pass over one text. A request that finds the model idle runs at once, so batching
    /// adds no wait; the vectors are the same bit for bit. Off: every request runs its own pass at once.
    /// </summary>
    public bool Batching { get; set; } = true;

    /// <summary>Local model with <see cref="Batching"/>: passes that may run at the same time (the rest of a turn needs a core too).</summary>
    public int MaxConcurrentPasses { get; set; } = 1;

    /// <summary>Local model with <see cref="Batching"/>: the most token rows one shared pass takes (a question is 10-30).</summary>
    public int MaxBatchTokens { get; set; } = 240;

    /// <summary>Texts sent in one request while building the index (Azure accepts up to 2048).</summary>
    public int BatchSize { get; set; } = 64;

    /// <summary>Longest wait for one attempt.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Longest wait for one call, retries included.</summary>
    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Retries after a 408, 429, 5xx or network failure, with jittered exponential back-off or the server's Retry-After.</summary>
    public int MaxRetries { get; set; } = 3;

    /// <summary>The first back-off when the server gives no Retry-After.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long the circuit stays open (calls fail at once) after most recent calls failed.</summary>
    public TimeSpan BreakDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>True for a provider reached over HTTP.</summary>
    public bool IsRemote => !string.Equals(Provider, Local, StringComparison.OrdinalIgnoreCase);

    /// <summary>The base address the client calls: <see cref="Endpoint"/>, completed with <c>openai/v1/</c> for a bare Azure resource address.</summary>
    public Uri ResolvedEndpoint()
    {
        var uri = new Uri(Endpoint!.EndsWith('/') ? Endpoint : Endpoint + "/", UriKind.Absolute);
        return string.Equals(Provider, AzureOpenAI, StringComparison.OrdinalIgnoreCase) && uri.AbsolutePath == "/"
            ? new Uri(uri, "openai/v1/")
            : uri;
    }
}
