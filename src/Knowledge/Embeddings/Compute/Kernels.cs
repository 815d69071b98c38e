using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Clinic.Knowledge.Embeddings.Compute;

// The scalar fallback and the stores shared by the vector kernels (Kernels.g.cs).
internal static partial class Kernels
{
    public static void Scalar(ref float a, int rows, int k, ref float panel, ref float c, int n, ref float bias, bool relu)
    {
        for (var r = 0; r < rows; r++)
        {
            for (var j = 0; j < Width; j++)
            {
                var sum = 0f;
                for (var p = 0; p < k; p++)
                {
                    sum = MathF.FusedMultiplyAdd(Unsafe.Add(ref a, r * k + p), Unsafe.Add(ref panel, p * Width + j), sum);
                }

                sum += Unsafe.Add(ref bias, j);
                Unsafe.Add(ref c, r * n + j) = relu ? Math.Max(sum, 0f) : sum;
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Store(Vector512<float> low, Vector512<float> high, ref float destination, bool relu)
    {
        if (relu)
        {
            low = Vector512.Max(low, Vector512<float>.Zero);
            high = Vector512.Max(high, Vector512<float>.Zero);
        }

        low.StoreUnsafe(ref destination);
        high.StoreUnsafe(ref destination, 16);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Store(Vector256<float> low, Vector256<float> high, ref float destination, bool relu)
    {
        if (relu)
        {
            low = Vector256.Max(low, Vector256<float>.Zero);
            high = Vector256.Max(high, Vector256<float>.Zero);
        }

        low.StoreUnsafe(ref destination);
        high.StoreUnsafe(ref destination, 8);
    }
}
