using System.Diagnostics;
using System.Reflection;
using Clinic.Knowledge.Embeddings;
using Clinic.Knowledge.Embeddings.Model;

internal static class StageBench
{
    public static void Run(UniversalSentenceEncoder encoder, string text)
    {
        var network = (UseLiteNetwork)typeof(UniversalSentenceEncoder).GetField("_network", BindingFlags.NonPublic | BindingFlags.Instance)!.GetValue(encoder)!;
        var layers = (EncoderLayer[])typeof(UseLiteNetwork).GetField("_layers", BindingFlags.NonPublic | BindingFlags.Instance)!.GetValue(network)!;
        var ws = new Workspace();
        var output = new float[512];
        int[][] tokens = [encoder.Tokenize(text)];
        int[] offsets = [0, Math.Min(tokens[0].Length, 128)];
        var rows = Clinic.Knowledge.Embeddings.Compute.Gemm.PadRows(offsets[1]);
        for (var i = 0; i < 200; i++) network.Run(tokens, ws, output);
        double Best(Action a) { var best = double.MaxValue; for (var r = 0; r < 200; r++) { var t = Stopwatch.GetTimestamp(); a(); best = Math.Min(best, Stopwatch.GetElapsedTime(t).TotalMilliseconds); } return best; }
        var total = Best(() => network.Run(tokens, ws, output));
        var tok = Best(() => encoder.Tokenize(text));
        var att0 = Best(() => Attention.Run(layers[0], [0, offsets[1]], ws, rows));
        var att1 = Best(() => Attention.Run(layers[1], [0, offsets[1]], ws, rows));
        Console.WriteLine($"{offsets[1]} tokens: network {total:F3} ms, tokenize {tok:F3} ms, attention L0 {att0:F3} ms, L1 {att1:F3} ms");
    }
}
