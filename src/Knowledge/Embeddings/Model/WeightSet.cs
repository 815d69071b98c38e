using System.Runtime.InteropServices;

namespace Clinic.Knowledge.Embeddings.Model;

/// <summary>The named tensors of the weights manifest, checked for shape when taken.</summary>
internal sealed class WeightSet
{
    private readonly Dictionary<string, (int[] Shape, float[]? Floats, int[]? Ints)> _tensors = new(StringComparer.Ordinal);

    public void Add(string name, int[] shape, string dtype, ReadOnlySpan<byte> littleEndian)
    {
        if (!BitConverter.IsLittleEndian)
        {
            throw new PlatformNotSupportedException("The model loader assumes a little-endian machine.");
        }

        _tensors[name] = dtype == "int32"
            ? (shape, null, MemoryMarshal.Cast<byte, int>(littleEndian).ToArray())
            : (shape, MemoryMarshal.Cast<byte, float>(littleEndian).ToArray(), null);
    }

    public float[] Floats(string name, params int[] shape) =>
        Get(name, shape).Floats ?? throw new InvalidDataException($"weight '{name}' is not float32");

    public float Scalar(string name) => Floats(name)[0];

    public int IntScalar(string name) =>
        (Get(name, []).Ints ?? throw new InvalidDataException($"weight '{name}' is not int32"))[0];

    private (int[] Shape, float[]? Floats, int[]? Ints) Get(string name, int[] shape)
    {
        if (!_tensors.TryGetValue(name, out var tensor))
        {
            throw new InvalidDataException($"weight '{name}' is not in the manifest");
        }

        if (!tensor.Shape.AsSpan().SequenceEqual(shape))
        {
            throw new InvalidDataException(
                $"weight '{name}' has shape [{string.Join(',', tensor.Shape)}]; expected [{string.Join(',', shape)}]");
        }

        return tensor;
    }
}
