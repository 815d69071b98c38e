using System.Numerics.Tensors;
using Clinic.Knowledge.Embeddings.Compute;

namespace Clinic.Knowledge.Embeddings.Model;

/// <summary>
/// The Universal Sentence Encoder lite graph (model.json), op for op: ClipToMaxLength keeps the first 128
/// tokens; the input is embedding + (embedding + timing signal) (the graph scatters the looked-up
/// embeddings once directly and once with the timing signal added, and sums the two); two transformer
/// layers; the mean over the sentence's tokens; a tanh layer; L2 normalization. Padding never influences
/// a real token (its attention bias is -1e9, which underflows to exactly zero weight), so each sentence
/// is computed over its own tokens only and several sentences share the position-wise matrix products.
/// </summary>
internal sealed class UseLiteNetwork
{
    public const int EmbeddingWidth = 256;
    public const int Width = 512;
    public const int FeedForwardWidth = 1536;
    public const int MaxTokens = 128;
    private const string Apply = "module_apply_default/Encoder_en/";

    private readonly float[] _embeddings;
    private readonly float[] _timing; // MaxTokens × 256: sin | cos of position × inverse timescale
    private readonly float _normEpsilon;
    private readonly float _l2Epsilon;
    private readonly EncoderLayer[] _layers;
    private readonly PackedMatrix _tanh;
    private readonly float[] _tanhBias;

    public UseLiteNetwork(WeightSet w, int vocabularySize)
    {
        var rows = vocabularySize + 2;
        _embeddings = w.Floats("module/Embeddings_en", rows, EmbeddingWidth);
        var maxTokens = w.IntScalar(Apply + "KonaTransformer/ClipToMaxLength/Less/y");
        if (maxTokens != MaxTokens)
        {
            throw new InvalidDataException($"the graph clips sentences to {maxTokens} tokens; expected {MaxTokens}");
        }

        _timing = TimingSignal(w.Floats(Apply + "KonaTransformer/Encode/TransformerStack/Layer_0/AddTimingSignal/TimingSignal/ExpandDims_1", 1, EmbeddingWidth / 2));
        _normEpsilon = w.Scalar(Apply + "KonaTransformer/Encode/TransformerStack/Layer_1/TransformerLayer/FFN/layer_prepostprocess/layer_norm/Cast/x");
        _l2Epsilon = w.Scalar(Apply + "hidden_layers/l2_normalize/Maximum/y");
        _layers = [EncoderLayer.Read(w, 0, EmbeddingWidth, FeedForwardWidth, Width), EncoderLayer.Read(w, 1, Width, FeedForwardWidth, Width)];
        _tanh = new PackedMatrix(w.Floats("module/Encoder_en/hidden_layers/tanh_layer_0/weights", Width, Width), Width, Width);
        _tanhBias = w.Floats("module/Encoder_en/hidden_layers/tanh_layer_0/bias", Width);
    }

    /// <summary>
    /// Embeds <paramref name="sentences"/> (token ids) into <paramref name="output"/>, 512 floats each. With
    /// <paramref name="parallel"/> the large matrix products split across cores (for a lone query; batches
    /// parallelize by chunk instead).
    /// </summary>
    public void Run(ReadOnlySpan<int[]> sentences, Workspace ws, Span<float> output, bool parallel = false)
    {
        Span<int> offsets = stackalloc int[sentences.Length + 1];
        for (var s = 0; s < sentences.Length; s++)
        {
            offsets[s + 1] = offsets[s] + Math.Min(sentences[s].Length, MaxTokens);
        }

        var tokens = offsets[^1];
        var rows = Gemm.PadRows(tokens);
        var paddedSentences = Gemm.PadRows(sentences.Length);
        ws.Ensure(Math.Max(rows, Gemm.RowGroup), paddedSentences);

        Embed(sentences, offsets, ws.Input, rows);
        foreach (var layer in _layers)
        {
            RunLayer(layer, offsets, ws, rows, parallel);
        }

        Pool(offsets, ws.Hidden, ws.Pooled, paddedSentences);
        Gemm.Multiply(ws.Pooled, paddedSentences, _tanh, _tanhBias, ws.Encoded);
        for (var s = 0; s < sentences.Length; s++)
        {
            var vector = output.Slice(s * Width, Width);
            TensorPrimitives.Tanh(ws.Encoded.Slice(s * Width, Width), vector);
            var norm = 1f / MathF.Sqrt(MathF.Max(TensorPrimitives.SumOfSquares(vector), _l2Epsilon));
            TensorPrimitives.Multiply(vector, norm, vector);
        }
    }

    private void Embed(ReadOnlySpan<int[]> sentences, ReadOnlySpan<int> offsets, AlignedBuffer input, int rows)
    {
        for (var s = 0; s < sentences.Length; s++)
        {
            for (var i = 0; i < offsets[s + 1] - offsets[s]; i++)
            {
                var embedding = _embeddings.AsSpan(sentences[s][i] * EmbeddingWidth, EmbeddingWidth);
                var row = input.Slice((offsets[s] + i) * EmbeddingWidth, EmbeddingWidth);
                TensorPrimitives.Add(embedding, _timing.AsSpan(i * EmbeddingWidth, EmbeddingWidth), row);
                TensorPrimitives.Add(embedding, row, row);
            }
        }

        input.Slice(offsets[^1] * EmbeddingWidth, (rows - offsets[^1]) * EmbeddingWidth).Clear();
    }

    private void RunLayer(EncoderLayer layer, ReadOnlySpan<int> offsets, Workspace ws, int rows, bool parallel)
    {
        var source = layer.Residual is null ? ws.Hidden : ws.Input;
        LayerNorm(source, layer.Width, rows, layer.NormScale, layer.NormBias, ws.Normalized);
        if (layer.Residual is not null)
        {
            Gemm.Multiply(ws.Input, rows, layer.Residual, layer.ResidualBias!, ws.Hidden, parallel: parallel);
        }

        Gemm.Multiply(ws.Normalized, rows, layer.Qkv, layer.QkvBias, ws.Qkv, parallel: parallel);
        Attention.Run(layer, offsets, ws, rows);
        Gemm.Multiply(ws.Attention, rows, layer.Output, layer.OutputBias, ws.Projected, parallel: parallel);
        AddInPlace(ws.Projected, ws.Hidden, rows * Width);

        LayerNorm(ws.Hidden, Width, rows, layer.FfnNormScale, layer.FfnNormBias, ws.Normalized);
        Gemm.Multiply(ws.Normalized, rows, layer.Ffn1, layer.Ffn1Bias, ws.FeedForward, relu: true, parallel);
        Gemm.Multiply(ws.FeedForward, rows, layer.Ffn2, layer.Ffn2Bias, ws.Projected, parallel: parallel);
        AddInPlace(ws.Projected, ws.Hidden, rows * Width);
    }

    // layer_norm: (scale * rsqrt(mean((x - mean)^2) + eps)) * (x - mean) + bias, in the graph's order.
    private void LayerNorm(AlignedBuffer input, int width, int rows, float[] scale, float[] bias, AlignedBuffer output)
    {
        Span<float> factor = stackalloc float[width];
        for (var r = 0; r < rows; r++)
        {
            var x = input.Slice(r * width, width);
            var y = output.Slice(r * width, width);
            var mean = TensorPrimitives.Sum(x) / width;
            TensorPrimitives.Subtract(x, mean, y);
            var variance = TensorPrimitives.SumOfSquares(y) / width;
            TensorPrimitives.Multiply(scale, 1f / MathF.Sqrt(variance + _normEpsilon), factor);
            TensorPrimitives.Multiply(factor, y, y);
            TensorPrimitives.Add(y, bias, y);
        }
    }

    private static void AddInPlace(AlignedBuffer addend, AlignedBuffer target, int length) =>
        TensorPrimitives.Add(addend.Slice(0, length), target.Slice(0, length), target.Slice(0, length));

    // Mean over each sentence's tokens; an empty sentence divides a zero sum by max(0, 1).
    private static void Pool(ReadOnlySpan<int> offsets, AlignedBuffer hidden, AlignedBuffer pooled, int paddedSentences)
    {
        pooled.Slice(0, paddedSentences * Width).Clear();
        for (var s = 0; s < offsets.Length - 1; s++)
        {
            var sum = pooled.Slice(s * Width, Width);
            for (var r = offsets[s]; r < offsets[s + 1]; r++)
            {
                TensorPrimitives.Add(sum, hidden.Slice(r * Width, Width), sum);
            }

            TensorPrimitives.Divide(sum, Math.Max(offsets[s + 1] - offsets[s], 1), sum);
        }
    }

    private static float[] TimingSignal(float[] inverseTimescales)
    {
        var half = inverseTimescales.Length;
        var table = new float[MaxTokens * 2 * half];
        for (var position = 0; position < MaxTokens; position++)
        {
            for (var j = 0; j < half; j++)
            {
                var scaled = position * inverseTimescales[j];
                table[position * 2 * half + j] = MathF.Sin(scaled);
                table[position * 2 * half + half + j] = MathF.Cos(scaled);
            }
        }

        return table;
    }
}
