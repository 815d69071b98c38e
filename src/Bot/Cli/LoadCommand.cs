using System.Diagnostics;
using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Clinic.Bot.Cli;

/// <summary>
/// <c>load --url http://127.0.0.1:5000 [--conversations 50] [--seconds 30] [--rate R] [--turns N] [--turns-per-conversation N]
/// [--questions FILE] [--poll] [--sample-seconds S]</c>: drives concurrent Direct Line conversations against a running
/// instance, each posting a question and waiting for the bot's reply on the WebSocket stream (as Web Chat does; with
/// <c>--poll</c>, by polling), and prints throughput, latency from the post to the reply's arrival, errors, and the
/// server's memory. Stops at the time limit or after <c>--turns</c> turns. Only for addresses you run yourself.
/// Without <c>--rate</c> each conversation posts again as soon as it has its reply (a closed loop: it measures the
/// most the server can do, and latency is then conversations / throughput by construction). With <c>--rate</c> the
/// conversations post R turns a second in all, evenly spaced, and latency counts from when a post was due, so a
/// server that falls behind shows it (no coordinated omission).
/// </summary>
internal static class LoadCommand
{
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken ct)
    {
        var url = CliArgs.Value(args, "--url") ?? "http://127.0.0.1:5000";
        var conversations = int.TryParse(CliArgs.Value(args, "--conversations"), out var c) ? c : 50;
        var seconds = double.TryParse(CliArgs.Value(args, "--seconds"), out var s) ? s : 30;
        var turnLimit = long.TryParse(CliArgs.Value(args, "--turns"), out var t) ? t : long.MaxValue;
        var turnsPerConversation = int.TryParse(CliArgs.Value(args, "--turns-per-conversation"), out var p) && p > 0 ? p : int.MaxValue;
        var sampleSeconds = double.TryParse(CliArgs.Value(args, "--sample-seconds"), out var m) && m > 0 ? m : 0;
        var poll = args.Contains("--poll");
        var rate = double.TryParse(CliArgs.Value(args, "--rate"), out var r) && r > 0 ? r : 0;
        var questions = CliArgs.Value(args, "--questions") is { } path && File.Exists(path)
            ? File.ReadLines(path).Where(l => l.Trim().Length > 0).Select(l => JsonNode.Parse(l)?["question"]?.GetValue<string>()).OfType<string>().ToArray()
            : ["What are the side effects of ketamine?", "How long does an infusion take?", "Is ketamine covered by insurance?", "what is KAP"];
        if (!Uri.TryCreate(url, UriKind.Absolute, out var baseUri) || !(baseUri.IsLoopback))
        {
            await error.WriteLineAsync("Error: --url must be an http(s) address on this machine (loopback), e.g. http://127.0.0.1:5000.");
            return 2;
        }

        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = conversations * 2, PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
        {
            BaseAddress = baseUri,
            Timeout = TimeSpan.FromSeconds(30),
        };
        var latencies = new List<double>[conversations];
        var errors = new int[conversations];
        long tickets = 0;
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        stop.CancelAfter(TimeSpan.FromSeconds(seconds));
        var startMemory = await ReadMemoryAsync(http, ct);
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        var sampling = sampleSeconds > 0 ? SampleMemoryAsync(http, output, sampleSeconds, clock, latencies, stop.Token) : Task.CompletedTask;
        await Task.WhenAll(Enumerable.Range(0, conversations).Select(async i =>
        {
            latencies[i] = [];
            var n = 0;
            // Paced: conversation i posts at i/R, i/R + C/R, i/R + 2C/R ... seconds.
            var interval = rate > 0 ? (long)(conversations / rate * Stopwatch.Frequency) : 0;
            var due = Stopwatch.GetTimestamp() + (rate > 0 ? (long)(i / rate * Stopwatch.Frequency) : 0);
            try
            {
                while (!stop.IsCancellationRequested && Interlocked.Increment(ref tickets) <= turnLimit)
                {
                    await using var visitor = await LoadVisitor.StartAsync(http, poll, stop.Token);
                    for (var asked = 0; asked < turnsPerConversation && !stop.IsCancellationRequested; asked++)
                    {
                        if (asked > 0 && Interlocked.Increment(ref tickets) > turnLimit)
                            return;
                        if (rate > 0 && Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), due) is { Ticks: > 0 } wait)
                            await Task.Delay(wait, stop.Token);
                        var latency = await visitor.AskAsync(questions[(i + n++) % questions.Length], stop.Token, rate > 0 ? due : null);
                        due += interval;
                        if (latency is { } ms)
                            lock (latencies[i])
                                latencies[i].Add(ms);
                        else
                            errors[i]++;
                    }
                }
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                // The time is up: a turn cut off by the deadline is neither a result nor an error.
            }
            catch (Exception e) when (e is HttpRequestException or OperationCanceledException or JsonException or WebSocketException)
            {
                errors[i]++;
            }
        }));
        clock.Stop();
        await stop.CancelAsync();
        await sampling;
        var loadCpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
        var all = latencies.SelectMany(l => l).Order().ToList();
        var turns = all.Count;
        var pacing = rate > 0 ? $", paced at {rate:F0} turns/s" : ", closed loop";
        await output.WriteLineAsync($"conversations: {conversations} ({(poll ? "polling" : "WebSocket stream")}{pacing}), duration: {clock.Elapsed.TotalSeconds:F1} s, turns: {turns}, errors: {errors.Sum()}");
        await output.WriteLineAsync($"throughput: {turns / clock.Elapsed.TotalSeconds:F0} turns/s");
        if (turns > 0)
            await output.WriteLineAsync($"latency ({(rate > 0 ? "due time" : "post")} to reply): p50 {CliArgs.Percentile(all, 0.50):F1} ms, p95 {CliArgs.Percentile(all, 0.95):F1} ms, p99 {CliArgs.Percentile(all, 0.99):F1} ms, max {all[^1]:F1} ms");
        await output.WriteLineAsync($"load generator CPU: {loadCpu.TotalSeconds:F1} s ({loadCpu.TotalSeconds / clock.Elapsed.TotalSeconds * 100:F0}% of one core)");
        var endMemory = await ReadMemoryAsync(http, ct);
        if (startMemory is not null && endMemory is not null)
            await output.WriteLineAsync($"server memory: {startMemory} before, {endMemory} after");
        return errors.Sum() == 0 ? 0 : 1;
    }

    private static async Task SampleMemoryAsync(HttpClient http, TextWriter output, double seconds, Stopwatch clock, List<double>[] latencies, CancellationToken ct)
    {
        try
        {
            using var timer = new PeriodicTimer(TimeSpan.FromSeconds(seconds));
            while (await timer.WaitForNextTickAsync(ct))
            {
                var turns = latencies.Sum(l => l is null ? 0 : l.Count);
                await output.WriteLineAsync($"{clock.Elapsed.TotalSeconds,7:F0} s {turns,9} turns  server {await ReadMemoryAsync(http, ct)}");
            }
        }
        catch (OperationCanceledException)
        {
            // The run is over.
        }
    }

    private static async Task<string?> ReadMemoryAsync(HttpClient http, CancellationToken ct)
    {
        try
        {
            var health = await http.GetFromJsonAsync<JsonObject>("/healthz", ct);
            var workingSet = health?["workingSetBytes"]?.GetValue<long>();
            var heap = health?["gcHeapBytes"]?.GetValue<long>();
            return workingSet is null ? null
                : $"working set {workingSet / 1048576.0:F0} MiB" + (heap is null ? "" : $", GC heap {heap / 1048576.0:F0} MiB");
        }
        catch (Exception e) when (e is HttpRequestException or JsonException or InvalidOperationException or OperationCanceledException)
        {
            return null;
        }
    }
}
