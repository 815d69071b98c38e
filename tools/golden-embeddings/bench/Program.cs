using System.Diagnostics;
using System.Text.RegularExpressions;
using Clinic.Knowledge.Embeddings;

// Stopwatch harness: latency of one short query and throughput of a corpus-sized batch, after warm-up.
// Run from the repository root: dotnet run -c Release --project tools/golden-embeddings/bench [corpus-folder]
// Process CPU time is printed beside wall time because it stays meaningful on a machine shared with other work.
var corpus = args.FirstOrDefault() ?? "corpus";
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
Console.WriteLine($"model load: {load.Elapsed.TotalMilliseconds:F0} ms; {Environment.ProcessorCount} cores; Vector512 {System.Runtime.Intrinsics.Vector512.IsHardwareAccelerated}");

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
var cpu = Process.GetCurrentProcess().TotalProcessorTime;
for (var i = 0; i < times.Length; i++)
{
    var start = Stopwatch.GetTimestamp();
    encoder.Embed(queries[i % queries.Length], vector);
    times[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
}

var cpuPerQuery = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds / times.Length;
Array.Sort(times);
var tokens = queries.Average(encoder.CountTokens);
Console.WriteLine($"one query (11 words, {tokens:F0} tokens), wall: min {times[0]:F2} ms, p50 {times[times.Length / 2]:F2} ms, " +
                  $"p99 {times[times.Length * 99 / 100]:F2} ms; process CPU {cpuPerQuery:F2} ms per query");

var batchTokens = sentences.Sum(s => Math.Min(encoder.CountTokens(s), UniversalSentenceEncoder.MaxTokens));
for (var run = 0; run < 3; run++)
{
    cpu = Process.GetCurrentProcess().TotalProcessorTime;
    var batch = Stopwatch.StartNew();
    encoder.Embed(sentences);
    var ms = batch.Elapsed.TotalMilliseconds;
    Console.WriteLine($"batch of {sentences.Count} corpus sentences ({batchTokens} tokens): wall {ms:F0} ms ({sentences.Count / ms * 1000:F0}/s), " +
                      $"process CPU {(Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds:F0} ms");
}

if (File.Exists("/proc/loadavg"))
{
    Console.WriteLine($"load average: {File.ReadAllText("/proc/loadavg").Trim()}");
}
