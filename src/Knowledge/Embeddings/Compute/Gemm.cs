using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Clinic.Knowledge.Embeddings.Compute;

/// <summary>
/// C = A·B + bias (optionally ReLU), A row-major with K columns, B packed. Every output element is one
/// fused multiply-add chain over k in ascending order, then the bias: the result does not depend on the
/// instruction set, on how many rows are multiplied together, or on the blocking, so an embedding is
/// bit-for-bit the same whether computed alone or in a batch.
/// </summary>
internal static class Gemm
{
    /// <summary>Callers pad their row counts to a multiple of this (the kernels take 6, 4 or 2 rows at a time).</summary>
    public const int RowGroup = 2;

    private const int RowBlock = 48; // rows kept hot in L2 while one panel streams past them
    private const int Width = PackedMatrix.PanelWidth;
    private const long ParallelThreshold = 1 << 20; // multiply-adds below which waking a second core costs more than it saves

    public static int PadRows(int rows) => (rows + RowGroup - 1) / RowGroup * RowGroup;

    /// <summary>With <paramref name="parallel"/>, large products split their column panels across the cores.</summary>
    public static void Multiply(AlignedBuffer a, int rows, PackedMatrix b, float[] bias, AlignedBuffer c, bool relu = false, bool parallel = false)
    {
        int k = b.Rows, n = b.Columns;
        if (rows % RowGroup != 0 || a.Length < rows * k || c.Length < rows * n || bias.Length != n)
        {
            throw new ArgumentException("matrix dimensions do not fit");
        }

        var parts = parallel && (long)rows * k * n >= ParallelThreshold ? Math.Min(Environment.ProcessorCount, b.Panels) : 1;
        if (parts > 1)
        {
            Parallel.For(0, parts, part => MultiplyPanels(a, rows, b, bias, c, relu, part * b.Panels / parts, (part + 1) * b.Panels / parts));
        }
        else
        {
            MultiplyPanels(a, rows, b, bias, c, relu, 0, b.Panels);
        }
    }

    private static void MultiplyPanels(AlignedBuffer a, int rows, PackedMatrix b, float[] bias, AlignedBuffer c, bool relu, int firstPanel, int endPanel)
    {
        int k = b.Rows, n = b.Columns;
        for (var r0 = 0; r0 < rows; r0 += RowBlock)
        {
            var r1 = Math.Min(rows, r0 + RowBlock);
            for (var p = firstPanel; p < endPanel; p++)
            {
                ref var panel = ref b.Panel(p);
                ref var panelBias = ref bias[p * Width];
                for (var r = r0; r < r1;)
                {
                    var count = Math.Min(r1 - r, 6) & ~1;
                    Kernel(count, ref a.At(r * k), k, ref panel, ref c.At(r * n + p * Width), n, ref panelBias, relu);
                    r += count;
                }
            }
        }
    }

    private static void Kernel(int rows, ref float a, int k, ref float panel, ref float c, int n, ref float bias, bool relu)
    {
        if (Vector512.IsHardwareAccelerated)
        {
            switch (rows)
            {
                case 6: Kernels.Rows6x32(ref a, k, ref panel, ref c, n, ref bias, relu); break;
                case 4: Kernels.Rows4x32(ref a, k, ref panel, ref c, n, ref bias, relu); break;
                default: Kernels.Rows2x32(ref a, k, ref panel, ref c, n, ref bias, relu); break;
            }
        }
        else if (Vector256.IsHardwareAccelerated)
        {
            for (var half = 0; half < Width; half += 16)
            {
                ref var p = ref Unsafe.Add(ref panel, half);
                ref var o = ref Unsafe.Add(ref c, half);
                ref var b = ref Unsafe.Add(ref bias, half);
                switch (rows)
                {
                    case 6: Kernels.Rows6x16(ref a, k, ref p, ref o, n, ref b, relu); break;
                    case 4: Kernels.Rows4x16(ref a, k, ref p, ref o, n, ref b, relu); break;
                    default: Kernels.Rows2x16(ref a, k, ref p, ref o, n, ref b, relu); break;
                }
            }
        }
        else
        {
            Kernels.Scalar(ref a, rows, k, ref panel, ref c, n, ref bias, relu);
        }
    }
}
