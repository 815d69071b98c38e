using System.Diagnostics;
using System.Text.RegularExpressions;
using Clinic.Knowledge.Embeddings;

// Latency of one short query and throughput of a corpus-sized batch, after warm-up (tiered JIT settled).
if (args.Contains("--gemm")) { GemmBench.Run(); return; }
var corpus = args.FirstOrDefault(a => !a.StartsWith("--")) ?? "corpus";
var sentences = Directory.GetFiles(corpus, "*.txt")
    .SelectMany(f => Regex.Split(File.ReadAllText(f), @"(?<=[.!?])\s+|\n+"))
    .Select(s => s.Trim()).Where(s => s.Length > 0).ToList();
while (sentences.Count < 800)
{
    sentences.AddRange(sentences.ToList());
}

sentences = sentences.Take(800).ToList();

var load = Stopwatch.StartNew();
using var encoder = new UniversalSentenceEncoder();
Console.WriteLine($"load: {load.Elapsed.TotalMilliseconds:F0} ms; {Environment.ProcessorCount} cores");
if (args.Contains("--stages"))
{
    StageBench.Run(encoder, "What should I expect during my first ketamine infusion appointment?");
    StageBench.Run(encoder, string.Join(' ', Enumerable.Repeat("Ketamine therapy sessions are supervised by clinicians.", 16)));
    return;
}

string[] queries =
[
    "What should I expect during my first ketamine infusion appointment?",
    "How long does a ketamine treatment session usually take to finish?",
    "Can I drive myself home after the infusion is done today?",
    "Is ketamine therapy covered by my health insurance plan or not?",
];
var vector = new float[UniversalSentenceEncoder.Dimensions];
for (var i = 0; i < 3000; i++)
{
    encoder.Embed(queries[i % queries.Length], vector);
}

encoder.Embed(sentences);
Thread.Sleep(500); // let tier-1 compilation land

var times = new double[2000];
for (var i = 0; i < times.Length; i++)
{
    var start = Stopwatch.GetTimestamp();
    encoder.Embed(queries[i % queries.Length], vector);
    times[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
}

Array.Sort(times);
Console.WriteLine($"min {times[0]:F3} ms");
Console.WriteLine($"single query (~11 words, {encoder.CountTokens(queries[0])} tokens): p50 {times[times.Length / 2]:F3} ms, p99 {times[times.Length * 99 / 100]:F3} ms, max {times[^1]:F3} ms");

var tokens = sentences.Sum(s => Math.Min(encoder.CountTokens(s), UniversalSentenceEncoder.MaxTokens));
for (var run = 0; run < 3; run++)
{
    var batch = Stopwatch.StartNew();
    encoder.Embed(sentences);
    var ms = batch.Elapsed.TotalMilliseconds;
    Console.WriteLine($"batch of {sentences.Count} sentences ({tokens} tokens): {ms:F0} ms, {sentences.Count / ms * 1000:F0} sentences/s");
}

var cpu = Process.GetCurrentProcess().TotalProcessorTime;
var wall = Stopwatch.StartNew();
encoder.Embed(sentences);
Console.WriteLine($"batch wall {wall.Elapsed.TotalMilliseconds:F0} ms, process CPU {(Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds:F0} ms");
var sequential = Stopwatch.StartNew();
foreach (var s in sentences)
{
    encoder.Embed(s, vector);
}

Console.WriteLine($"same {sentences.Count} one at a time on one thread: {sequential.Elapsed.TotalMilliseconds:F0} ms");
