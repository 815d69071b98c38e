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
    /// <summary>Rows per kernel call: callers pad their row counts to a multiple of this.</summary>
    public const int RowGroup = 6;

    private const int RowBlock = RowGroup * 8; // rows kept hot in L2 while one panel streams past them
    private const int Width = PackedMatrix.PanelWidth;

    public static int PadRows(int rows) => (rows + RowGroup - 1) / RowGroup * RowGroup;

    public static void Multiply(AlignedBuffer a, int rows, PackedMatrix b, float[] bias, AlignedBuffer c, bool relu = false)
    {
        int k = b.Rows, n = b.Columns;
        if (rows % RowGroup != 0 || a.Length < rows * k || c.Length < rows * n || bias.Length != n)
        {
            throw new ArgumentException("matrix dimensions do not fit");
        }

        for (var r0 = 0; r0 < rows; r0 += RowBlock)
        {
            var r1 = Math.Min(rows, r0 + RowBlock);
            for (var p = 0; p < b.Panels; p++)
            {
                ref var panel = ref b.Panel(p);
                ref var panelBias = ref bias[p * Width];
                for (var r = r0; r < r1; r += RowGroup)
                {
                    ref var aRows = ref a.At(r * k);
                    ref var cRows = ref c.At(r * n + p * Width);
                    if (Vector512.IsHardwareAccelerated)
                    {
                        Kernels.Rows6x32(ref aRows, k, ref panel, ref cRows, n, ref panelBias, relu);
                    }
                    else if (Vector256.IsHardwareAccelerated)
                    {
                        Kernels.Rows6x16(ref aRows, k, ref panel, ref cRows, n, ref panelBias, relu);
                        Kernels.Rows6x16(ref aRows, k, ref Unsafe.Add(ref panel, 16), ref Unsafe.Add(ref cRows, 16), n,
                            ref Unsafe.Add(ref panelBias, 16), relu);
                    }
                    else
                    {
                        Kernels.Scalar(ref aRows, k, ref panel, ref cRows, n, ref panelBias, relu);
                    }
                }
            }
        }
    }
}
