using Clinic.Knowledge.Embeddings.Compute;

namespace Clinic.Knowledge.Embeddings.Model;

/// <summary>
/// One pre-norm transformer layer of the graph (Encode/TransformerStack/Layer_N): layer norm, multi-head
/// self-attention with a residual, layer norm, ReLU feed-forward with a residual. Layer 0 widens its
/// residual from 256 to 512 with a dense projection (AdjustResidualInput).
/// </summary>
internal sealed record EncoderLayer(
    int Width,
    float[] NormScale,
    float[] NormBias,
    PackedMatrix? Residual,
    float[]? ResidualBias,
    PackedMatrix Qkv,
    float[] QkvBias,
    int Heads,
    int HeadSize,
    float QueryScale,
    PackedMatrix Output,
    float[] OutputBias,
    float[] FfnNormScale,
    float[] FfnNormBias,
    PackedMatrix Ffn1,
    float[] Ffn1Bias,
    PackedMatrix Ffn2,
    float[] Ffn2Bias)
{
    private const string Encode = "module_apply_default/Encoder_en/KonaTransformer/Encode/";
    private const string Stack = Encode + "TransformerStack/";
    private const string Kernels = "module/Encoder_en/KonaTransformer/Encode/";

    public static EncoderLayer Read(WeightSet w, int index, int width, int hidden, int outputWidth)
    {
        var layer = $"Layer_{index}/TransformerLayer/";
        var attention = layer + "MultiheadAttention/";
        var ffn = layer + "FFN/";
        var heads = w.IntScalar(Stack + "Layer_1/TransformerLayer/MultiheadAttention/split_heads/split_last_dimension/Reshape/shape/2");
        var headSize = w.IntScalar(Stack + attention + "split_heads/split_last_dimension/Reshape/shape/3");
        if (heads * headSize != width)
        {
            throw new InvalidDataException($"layer {index}: {heads} heads of {headSize} do not make its width {width}");
        }

        var hasResidual = width != outputWidth;
        return new EncoderLayer(
            width,
            w.Floats(Encode + layer + "layer_prepostprocess/layer_norm/layer_norm_scale/ConcatPartitions/concat", width),
            w.Floats(Encode + layer + "layer_prepostprocess/layer_norm/layer_norm_bias/ConcatPartitions/concat", width),
            hasResidual ? Pack(w.Floats(Encode + layer + "dense/kernel/ConcatPartitions/concat", width, outputWidth), width, outputWidth) : null,
            hasResidual ? w.Floats(Encode + layer + "dense/bias/ConcatPartitions/concat", outputWidth) : null,
            Pack(w.Floats(Kernels + attention + "qkv_transform_single/kernel/part_0", 1, 1, width, 3 * width), width, 3 * width),
            w.Floats(Encode + attention + "qkv_transform_single/bias/ConcatPartitions/concat", 3 * width),
            heads,
            headSize,
            w.Scalar(Stack + attention + "mul/y"),
            Pack(w.Floats(Kernels + attention + "output_transform_single/kernel/part_0", 1, 1, width, outputWidth), width, outputWidth),
            w.Floats(Encode + attention + "output_transform_single/bias/ConcatPartitions/concat", outputWidth),
            w.Floats(Encode + ffn + "layer_prepostprocess/layer_norm/layer_norm_scale/ConcatPartitions/concat", outputWidth),
            w.Floats(Encode + ffn + "layer_prepostprocess/layer_norm/layer_norm_bias/ConcatPartitions/concat", outputWidth),
            Pack(w.Floats(Stack + ffn + "conv1/Tensordot/Reshape_1", outputWidth, hidden), outputWidth, hidden),
            w.Floats(Encode + ffn + "conv1/bias/ConcatPartitions/concat", hidden),
            Pack(w.Floats(Stack + ffn + "conv2/Tensordot/Reshape_1", hidden, outputWidth), hidden, outputWidth),
            w.Floats(Encode + ffn + "conv2/bias/ConcatPartitions/concat", outputWidth));
    }

    private static PackedMatrix Pack(float[] rowMajor, int rows, int columns) => new(rowMajor, rows, columns);
}
