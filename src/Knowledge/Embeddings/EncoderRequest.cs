using Clinic.Knowledge.Embeddings.Model;
using Clinic.Knowledge.Embeddings.Tokenization;

namespace Clinic.Knowledge.Embeddings;

/// <summary>
/// One caller's texts on their way through the encoder: tokenized, the vectors the caller's
/// <see cref="EmbeddingReuse"/> scope already holds copied in, and the rest (<see cref="Missing"/>) left for a pass.
/// Made and finished in the caller's own asynchronous flow, so the scope is the caller's even when the pass that
/// computes the vectors runs elsewhere, shared with other callers.
/// </summary>
internal sealed class EncoderRequest
{
    private const int ParallelTokenizeFrom = 16; // below this, handing texts to other cores costs more than tokenizing them here

    private readonly EmbeddingReuse.Scope? _reuse = EmbeddingReuse.Active;
    private readonly int[] _missing;

    public EncoderRequest(IReadOnlyList<string> texts, SentencePieceTokenizer tokenizer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(texts);
        for (var i = 0; i < texts.Count; i++)
        {
            if (texts[i] is null)
                throw new ArgumentException("A text to embed is null.", nameof(texts));
        }

        Tokens = new int[texts.Count][];
        if (texts.Count < ParallelTokenizeFrom)
        {
            for (var i = 0; i < texts.Count; i++)
                Tokens[i] = tokenizer.Encode(texts[i]);
        }
        else
        {
            var parallel = new ParallelOptions { CancellationToken = cancellationToken, MaxDegreeOfParallelism = Environment.ProcessorCount };
            Parallel.For(0, texts.Count, parallel, i => Tokens[i] = tokenizer.Encode(texts[i]));
        }

        Vectors = new float[texts.Count][];
        var missing = new List<int>(texts.Count);
        for (var i = 0; i < texts.Count; i++)
        {
            TokenCount += Math.Min(Tokens[i].Length, UseLiteNetwork.MaxTokens);
            Vectors[i] = new float[UseLiteNetwork.Width];
            if (_reuse?.TryCopy(Tokens[i], Vectors[i]) != true)
            {
                missing.Add(i);
                MissingRows += Math.Min(Tokens[i].Length, UseLiteNetwork.MaxTokens);
            }
        }

        _missing = [.. missing];
        Missing = Array.ConvertAll(_missing, i => Tokens[i]);
    }

    public int[][] Tokens { get; }

    /// <summary>The result, in the order of the texts; complete after <see cref="Finish"/>.</summary>
    public float[][] Vectors { get; }

    /// <summary>Token rows the model reads over all texts (the usage reported to callers).</summary>
    public long TokenCount { get; }

    /// <summary>The token ids of the texts still to compute, in order.</summary>
    public int[][] Missing { get; }

    /// <summary>The token rows <see cref="Missing"/> adds to a pass.</summary>
    public int MissingRows { get; }

    /// <summary>Takes the vectors computed for <see cref="Missing"/> (512 floats each, in order) and remembers them in the scope.</summary>
    public float[][] Finish(ReadOnlySpan<float> computed)
    {
        for (var j = 0; j < _missing.Length; j++)
        {
            var vector = computed.Slice(j * UseLiteNetwork.Width, UseLiteNetwork.Width);
            vector.CopyTo(Vectors[_missing[j]]);
            _reuse?.Remember(Missing[j], vector);
        }

        return Vectors;
    }
}
