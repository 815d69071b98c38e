using System.Numerics.Tensors;

namespace Clinic.Knowledge.Embeddings.Model;

/// <summary>
/// Scaled dot-product self-attention of each sentence over its own tokens (MultiheadAttention in the
/// graph): q is multiplied by the scale before q·k, as the graph does, then softmax, then the weighted
/// sum of v. Heads occupy consecutive slices of the width (split_heads / combine_heads).
/// </summary>
internal static class Attention
{
    public static void Run(EncoderLayer layer, ReadOnlySpan<int> offsets, Workspace ws, int rows)
    {
        var width = layer.Width;
        var stride = 3 * width;
        var qkv = ws.Qkv;
        var output = ws.Attention;
        var query = ws.Query.AsSpan(0, layer.HeadSize);
        for (var s = 0; s < offsets.Length - 1; s++)
        {
            var first = offsets[s];
            var length = offsets[s + 1] - first;
            var scores = ws.Scores.AsSpan(0, length);
            for (var h = 0; h < layer.Heads; h++)
            {
                var column = h * layer.HeadSize;
                for (var i = 0; i < length; i++)
                {
                    TensorPrimitives.Multiply(qkv.Slice((first + i) * stride + column, layer.HeadSize), layer.QueryScale, query);
                    for (var j = 0; j < length; j++)
                    {
                        scores[j] = TensorPrimitives.Dot(query, qkv.Slice((first + j) * stride + width + column, layer.HeadSize));
                    }

                    Softmax(scores);
                    var result = output.Slice((first + i) * width + column, layer.HeadSize);
                    result.Clear();
                    for (var j = 0; j < length; j++)
                    {
                        TensorPrimitives.MultiplyAdd(qkv.Slice((first + j) * stride + 2 * width + column, layer.HeadSize), scores[j], result, result);
                    }
                }
            }
        }

        // Rows past the last token only pad the matrix products: keep them finite.
        output.Slice(offsets[^1] * width, (rows - offsets[^1]) * width).Clear();
    }

    private static void Softmax(Span<float> scores)
    {
        TensorPrimitives.Subtract(scores, TensorPrimitives.Max(scores), scores);
        TensorPrimitives.Exp(scores, scores);
        TensorPrimitives.Divide(scores, TensorPrimitives.Sum(scores), scores);
    }
}
