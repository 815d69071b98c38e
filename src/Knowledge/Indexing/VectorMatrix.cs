using System.Numerics.Tensors;

namespace Clinic.Knowledge.Indexing;

/// <summary>Row-major, unit-length vectors in one contiguous array, so a similarity scan is a run of SIMD dot products.</summary>
internal sealed class VectorMatrix
{
    public VectorMatrix(float[] data, int dimensions)
    {
        if (dimensions <= 0 || data.Length % dimensions != 0)
            throw new ArgumentException("Vector data does not divide into rows of the given dimension.", nameof(data));
        Data = data;
        Dimensions = dimensions;
    }

    public float[] Data { get; }

    public int Dimensions { get; }

    public int Count => Data.Length / Dimensions;

    public ReadOnlySpan<float> Row(int i) => Data.AsSpan(i * Dimensions, Dimensions);

    /// <summary>Cosine similarity of every row with <paramref name="unitQuery"/> (rows and query are unit length).</summary>
    public float[] Similarities(ReadOnlySpan<float> unitQuery)
    {
        var result = new float[Count];
        for (var i = 0; i < result.Length; i++)
            result[i] = TensorPrimitives.Dot(Row(i), unitQuery);
        return result;
    }

    /// <summary>Scales <paramref name="vector"/> to unit length in place; a zero vector stays zero.</summary>
    public static void Normalize(Span<float> vector)
    {
        var norm = TensorPrimitives.Norm(vector);
        if (norm > 0)
            TensorPrimitives.Divide(vector, norm, vector);
    }
}
