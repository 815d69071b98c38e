using Clinic.Knowledge.Resilience;
using Microsoft.Extensions.AI;

namespace Clinic.Knowledge.Embeddings;

/// <summary>
/// Wraps the OpenAI client's generator: sends texts in batches, names the model by provider, deployment and dimensions
/// (which the index key records), and turns transport failures into one <see cref="EmbeddingServiceException"/>.
/// </summary>
internal sealed class RemoteEmbeddingGenerator(IEmbeddingGenerator<string, Embedding<float>> inner, EmbeddingOptions options)
    : DelegatingEmbeddingGenerator<string, Embedding<float>>(inner)
{
    private readonly EmbeddingGeneratorMetadata _metadata =
        new(options.Provider, options.ResolvedEndpoint(), options.Deployment, options.Dimensions);

    public override async Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(
        IEnumerable<string> values, EmbeddingGenerationOptions? generationOptions = null, CancellationToken cancellationToken = default)
    {
        var texts = values as IReadOnlyList<string> ?? values.ToList();
        var result = new GeneratedEmbeddings<Embedding<float>>(texts.Count);
        for (var start = 0; start < texts.Count; start += options.BatchSize)
        {
            var batch = texts.Skip(start).Take(options.BatchSize).ToList();
            GeneratedEmbeddings<Embedding<float>> embeddings;
            try
            {
                embeddings = await base.GenerateAsync(batch, generationOptions, cancellationToken);
            }
            catch (Exception e) when (ServiceFault.Describe(e, cancellationToken) is { } what)
            {
                throw Fault(what, e);
            }
            if (embeddings.Count != batch.Count)
                throw Fault($"it returned {embeddings.Count} vectors for {batch.Count} texts", null);
            result.AddRange(embeddings);
        }
        return result;
    }

    public override object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceKey is null && serviceType == typeof(EmbeddingGeneratorMetadata) ? _metadata : base.GetService(serviceType, serviceKey);

    private EmbeddingServiceException Fault(string what, Exception? inner) => new(
        $"The embedding service at {_metadata.ProviderUri?.Host} (deployment '{options.Deployment}') failed: {what}. "
        + "Check Knowledge:Embeddings:Endpoint, Deployment and ApiKey (or, with UseEntraId, the Cognitive Services OpenAI User role); "
        + "the index is built as soon as the service answers.", inner);
}
