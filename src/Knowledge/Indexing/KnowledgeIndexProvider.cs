using System.Diagnostics;
using Clinic.Knowledge.Corpus;
using Clinic.Knowledge.Embeddings;
using Clinic.Knowledge.Ingestion;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Clinic.Knowledge.Indexing;

/// <summary>
/// Loads the index from its file when the file matches the corpus, rules and model; otherwise builds it, saves it and says why.
/// The first caller pays; everyone after shares the same immutable index.
/// </summary>
public sealed class KnowledgeIndexProvider(
    IOptions<KnowledgeOptions> options,
    IEmbeddingGenerator<string, Embedding<float>> embedder,
    ILogger<KnowledgeIndexProvider> logger)
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private KnowledgeIndex? _index;

    /// <summary>The report of the last load or build, or null before the first.</summary>
    public IndexBuildReport? LastReport { get; private set; }

    /// <summary>True once the index is in memory.</summary>
    public bool IsLoaded => _index is not null;

    /// <summary>Why the last attempt to load or build failed, or null; cleared by the next success.</summary>
    public string? LastError { get; private set; }

    /// <summary>The index, loading or building it on first use.</summary>
    public async ValueTask<KnowledgeIndex> GetAsync(CancellationToken cancellationToken = default)
    {
        if (_index is { } ready)
            return ready;
        await _gate.WaitAsync(cancellationToken);
        try
        {
            _index ??= await TrackAsync(LoadOrBuildAsync(forceRebuild: false, cancellationToken));
            return _index;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Builds the index from scratch and saves it, whatever the file holds.</summary>
    public async Task<IndexBuildReport> RebuildAsync(CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            _index = await TrackAsync(LoadOrBuildAsync(forceRebuild: true, cancellationToken));
            return LastReport!;
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<KnowledgeIndex> TrackAsync(Task<KnowledgeIndex> attempt)
    {
        try
        {
            var index = await attempt;
            LastError = null;
            return index;
        }
        catch (Exception e) when (e is EmbeddingServiceException or InvalidOperationException)
        {
            // A remote embedder that is down must not take the service with it: whoever asks next tries again, and the
            // circuit breaker keeps those tries cheap. An index saved for the same key never needs the embedder to load.
            LastError = e.Message;
            logger.LogError("The knowledge index is not available: {Reason}", e.Message);
            throw;
        }
    }

    /// <summary>Names the model by provider, model and dimensions, so a new deployment or vector length rebuilds the index.</summary>
    internal static string ModelIdOf(IEmbeddingGenerator<string, Embedding<float>> embedder) =>
        embedder.GetService<EmbeddingGeneratorMetadata>() is { } m
            ? $"{m.ProviderName}/{m.DefaultModelId}/{m.DefaultModelDimensions}"
            : embedder.GetType().Name;

    private async Task<KnowledgeIndex> LoadOrBuildAsync(bool forceRebuild, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var corpus = await new CorpusLoader().LoadAsync(options.Value.CorpusPath, cancellationToken);
        var problems = corpus.Problems.Select(p => p.ToString()).ToList();
        foreach (var problem in problems)
            logger.LogError("Skipped a corpus document: {Problem}", problem);
        if (corpus.Documents.Count == 0)
            throw new InvalidOperationException(
                $"The corpus folder '{options.Value.CorpusPath}' has no readable .txt or .md documents. Add documents or set Knowledge:CorpusPath. See appsettings.sample.json.");

        var modelId = ModelIdOf(embedder);
        var key = IndexKey.Compute(corpus.Documents, modelId);
        var path = options.Value.IndexPath;
        string outcome, reason;
        if (forceRebuild)
        {
            (outcome, reason) = ("Rebuilt", "asked to rebuild");
        }
        else if (!File.Exists(path))
        {
            (outcome, reason) = ("Built", "no index file yet");
        }
        else
        {
            try
            {
                var stored = IndexFile.Read(path);
                if (stored.Key == key)
                {
                    var loaded = KnowledgeIndex.Create(corpus.Documents, stored.Sentences, stored.Sections, key, modelId);
                    Report("Loaded", "", loaded, clock, problems);
                    return loaded;
                }
                (outcome, reason) = ("Rebuilt", "the corpus, cleaning rules or embedding model changed");
            }
            catch (Exception e) when (e is InvalidDataException or IOException or EndOfStreamException or UnauthorizedAccessException)
            {
                (outcome, reason) = ("Rebuilt", $"the index file was unreadable ({e.Message})");
            }
        }

        logger.LogWarning("Building the knowledge index at {Path}: {Reason}", path, reason);
        var index = await BuildAsync(corpus.Documents, key, modelId, cancellationToken);
        try
        {
            IndexFile.Write(path, new IndexFile.Contents(key, modelId, index.RawSentenceVectors, index.RawSectionVectors));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The index still serves from memory; only the next start pays the build again.
            logger.LogError(e, "Could not save the knowledge index to {Path}; it will be rebuilt at the next start", path);
        }
        Report(outcome, reason, index, clock, problems);
        return index;
    }

    private async Task<KnowledgeIndex> BuildAsync(IReadOnlyList<CleanedDocument> documents, string key, string modelId, CancellationToken cancellationToken)
    {
        var (sentences, sections, _, _) = KnowledgeIndex.Layout(documents);
        // One call for sentences and headings: each generator batches its own way (the local model across cores,
        // a remote one by Knowledge:Embeddings:BatchSize), and every vector comes from the same model run.
        var texts = sentences.Select(s => s.Span.Text).Concat(sections.Select(s => s.Section)).ToList();
        var embeddings = await embedder.GenerateAsync(texts, cancellationToken: cancellationToken);
        if (embeddings.Count != texts.Count)
            throw new EmbeddingServiceException($"The embedding model returned {embeddings.Count} vectors for {texts.Count} texts. Check Knowledge:Embeddings.");
        var dims = embeddings.Count > 0 ? embeddings[0].Vector.Length : 1;
        var data = new float[texts.Count * dims];
        for (var i = 0; i < embeddings.Count; i++)
        {
            var vector = embeddings[i].Vector.Span;
            if (vector.Length != dims)
                throw new EmbeddingServiceException(
                    $"The embedding model returned vectors of {dims} and {vector.Length} dimensions in one build. Check Knowledge:Embeddings:Dimensions and Deployment.");
            var row = data.AsSpan(i * dims, dims);
            vector.CopyTo(row);
            VectorMatrix.Normalize(row);
        }
        var split = sentences.Count * dims;
        return KnowledgeIndex.Create(documents, new VectorMatrix(data[..split], dims), new VectorMatrix(data[split..], dims), key, modelId);
    }

    private void Report(string outcome, string reason, KnowledgeIndex index, Stopwatch clock, List<string> problems)
    {
        LastReport = new IndexBuildReport(outcome, reason, index.Documents.Count, index.Chunks.Count, index.SentenceVectors.Count, clock.Elapsed, problems);
        logger.LogInformation("Knowledge index {Outcome}: {Documents} documents, {Chunks} chunks, {Sentences} sentences in {Elapsed} ms",
            outcome, index.Documents.Count, index.Chunks.Count, index.SentenceVectors.Count, (int)clock.Elapsed.TotalMilliseconds);
    }
}
