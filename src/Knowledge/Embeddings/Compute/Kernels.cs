using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Clinic.Knowledge.Embeddings.Compute;

// Register-blocked micro-kernels for Gemm: 6 rows of A against one 32-wide panel of B. Written out by
// hand (no arrays of accumulators) so the JIT keeps all accumulators in vector registers.
internal static class Kernels
{
    private const int Width = PackedMatrix.PanelWidth;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Rows6x32(ref float a, int k, ref float panel, ref float c, int n, ref float bias, bool relu)
    {
        Vector512<float> c00 = default, c01 = default, c10 = default, c11 = default, c20 = default, c21 = default, c30 = default, c31 = default, c40 = default, c41 = default, c50 = default, c51 = default;
        ref var a0 = ref a;
        ref var a1 = ref Unsafe.Add(ref a, 1 * k);
        ref var a2 = ref Unsafe.Add(ref a, 2 * k);
        ref var a3 = ref Unsafe.Add(ref a, 3 * k);
        ref var a4 = ref Unsafe.Add(ref a, 4 * k);
        ref var a5 = ref Unsafe.Add(ref a, 5 * k);
        ref var b = ref panel;
        for (var p = 0; p < k; p++)
        {
            var b0 = Vector512.LoadUnsafe(ref b);
            var b1 = Vector512.LoadUnsafe(ref b, 16);
            b = ref Unsafe.Add(ref b, Width);
            var x = Vector512.Create(Unsafe.Add(ref a0, p));
            c00 = Vector512.FusedMultiplyAdd(x, b0, c00);
            c01 = Vector512.FusedMultiplyAdd(x, b1, c01);
            x = Vector512.Create(Unsafe.Add(ref a1, p));
            c10 = Vector512.FusedMultiplyAdd(x, b0, c10);
            c11 = Vector512.FusedMultiplyAdd(x, b1, c11);
            x = Vector512.Create(Unsafe.Add(ref a2, p));
            c20 = Vector512.FusedMultiplyAdd(x, b0, c20);
            c21 = Vector512.FusedMultiplyAdd(x, b1, c21);
            x = Vector512.Create(Unsafe.Add(ref a3, p));
            c30 = Vector512.FusedMultiplyAdd(x, b0, c30);
            c31 = Vector512.FusedMultiplyAdd(x, b1, c31);
            x = Vector512.Create(Unsafe.Add(ref a4, p));
            c40 = Vector512.FusedMultiplyAdd(x, b0, c40);
            c41 = Vector512.FusedMultiplyAdd(x, b1, c41);
            x = Vector512.Create(Unsafe.Add(ref a5, p));
            c50 = Vector512.FusedMultiplyAdd(x, b0, c50);
            c51 = Vector512.FusedMultiplyAdd(x, b1, c51);
        }

        var bias0 = Vector512.LoadUnsafe(ref bias);
        var bias1 = Vector512.LoadUnsafe(ref bias, 16);
        Store(c00 + bias0, c01 + bias1, ref Unsafe.Add(ref c, 0 * n), relu);
        Store(c10 + bias0, c11 + bias1, ref Unsafe.Add(ref c, 1 * n), relu);
        Store(c20 + bias0, c21 + bias1, ref Unsafe.Add(ref c, 2 * n), relu);
        Store(c30 + bias0, c31 + bias1, ref Unsafe.Add(ref c, 3 * n), relu);
        Store(c40 + bias0, c41 + bias1, ref Unsafe.Add(ref c, 4 * n), relu);
        Store(c50 + bias0, c51 + bias1, ref Unsafe.Add(ref c, 5 * n), relu);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Rows6x16(ref float a, int k, ref float panel, ref float c, int n, ref float bias, bool relu)
    {
        Vector256<float> c00 = default, c01 = default, c10 = default, c11 = default, c20 = default, c21 = default, c30 = default, c31 = default, c40 = default, c41 = default, c50 = default, c51 = default;
        ref var a0 = ref a;
        ref var a1 = ref Unsafe.Add(ref a, 1 * k);
        ref var a2 = ref Unsafe.Add(ref a, 2 * k);
        ref var a3 = ref Unsafe.Add(ref a, 3 * k);
        ref var a4 = ref Unsafe.Add(ref a, 4 * k);
        ref var a5 = ref Unsafe.Add(ref a, 5 * k);
        ref var b = ref panel;
        for (var p = 0; p < k; p++)
        {
            var b0 = Vector256.LoadUnsafe(ref b);
            var b1 = Vector256.LoadUnsafe(ref b, 8);
            b = ref Unsafe.Add(ref b, Width);
            var x = Vector256.Create(Unsafe.Add(ref a0, p));
            c00 = Vector256.FusedMultiplyAdd(x, b0, c00);
            c01 = Vector256.FusedMultiplyAdd(x, b1, c01);
            x = Vector256.Create(Unsafe.Add(ref a1, p));
            c10 = Vector256.FusedMultiplyAdd(x, b0, c10);
            c11 = Vector256.FusedMultiplyAdd(x, b1, c11);
            x = Vector256.Create(Unsafe.Add(ref a2, p));
            c20 = Vector256.FusedMultiplyAdd(x, b0, c20);
            c21 = Vector256.FusedMultiplyAdd(x, b1, c21);
            x = Vector256.Create(Unsafe.Add(ref a3, p));
            c30 = Vector256.FusedMultiplyAdd(x, b0, c30);
            c31 = Vector256.FusedMultiplyAdd(x, b1, c31);
            x = Vector256.Create(Unsafe.Add(ref a4, p));
            c40 = Vector256.FusedMultiplyAdd(x, b0, c40);
            c41 = Vector256.FusedMultiplyAdd(x, b1, c41);
            x = Vector256.Create(Unsafe.Add(ref a5, p));
            c50 = Vector256.FusedMultiplyAdd(x, b0, c50);
            c51 = Vector256.FusedMultiplyAdd(x, b1, c51);
        }

        var bias0 = Vector256.LoadUnsafe(ref bias);
        var bias1 = Vector256.LoadUnsafe(ref bias, 8);
        Store(c00 + bias0, c01 + bias1, ref Unsafe.Add(ref c, 0 * n), relu);
        Store(c10 + bias0, c11 + bias1, ref Unsafe.Add(ref c, 1 * n), relu);
        Store(c20 + bias0, c21 + bias1, ref Unsafe.Add(ref c, 2 * n), relu);
        Store(c30 + bias0, c31 + bias1, ref Unsafe.Add(ref c, 3 * n), relu);
        Store(c40 + bias0, c41 + bias1, ref Unsafe.Add(ref c, 4 * n), relu);
        Store(c50 + bias0, c51 + bias1, ref Unsafe.Add(ref c, 5 * n), relu);
    }

    public static void Scalar(ref float a, int k, ref float panel, ref float c, int n, ref float bias, bool relu)
    {
        for (var r = 0; r < Gemm.RowGroup; r++)
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
