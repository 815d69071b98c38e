using System.Diagnostics;
using Clinic.Knowledge.Embeddings.Compute;

internal static class GemmBench
{
    public static void Run()
    {
        foreach (var (m, k, n) in new[] { (18, 512, 1536), (18, 1536, 512), (240, 512, 1536), (240, 1536, 512) })
        {
            var rnd = new Random(1);
            var w = new float[k * n];
            for (var i = 0; i < w.Length; i++) w[i] = (float)rnd.NextDouble();
            var b = new PackedMatrix(w, k, n);
            var a = new AlignedBuffer(m * k);
            for (var i = 0; i < a.Length; i++) a.Span[i] = (float)rnd.NextDouble();
            var c = new AlignedBuffer(m * n);
            var bias = new float[n];
            for (var i = 0; i < 50; i++) Gemm.Multiply(a, m, b, bias, c);
            var best = double.MaxValue;
            for (var rep = 0; rep < 30; rep++)
            {
                var sw = Stopwatch.StartNew();
                var iters = 20;
                for (var i = 0; i < iters; i++) Gemm.Multiply(a, m, b, bias, c);
                best = Math.Min(best, sw.Elapsed.TotalSeconds / iters);
            }
            Console.WriteLine($"gemm {m}x{k}x{n}: {best * 1e3:F3} ms, {2.0 * m * k * n / best / 1e9:F1} GFLOPS");
        }
    }
}
