using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Clinic.Bot.Cli;

/// <summary>
/// <c>load --url http://127.0.0.1:5000 [--conversations 50] [--seconds 30] [--questions FILE]</c>: drives concurrent
/// Direct Line conversations against a running instance, each posting a question and polling until the bot's reply
/// arrives, and prints throughput, latency percentiles and errors. Only for addresses you run yourself.
/// </summary>
internal static class LoadCommand
{
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken ct)
    {
        var url = CliArgs.Value(args, "--url") ?? "http://127.0.0.1:5000";
        var conversations = int.TryParse(CliArgs.Value(args, "--conversations"), out var c) ? c : 50;
        var seconds = double.TryParse(CliArgs.Value(args, "--seconds"), out var s) ? s : 30;
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
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        var clock = Stopwatch.StartNew();
        var startMemory = await ReadWorkingSetAsync(http, ct);
        await Task.WhenAll(Enumerable.Range(0, conversations).Select(async i =>
        {
            latencies[i] = [];
            try
            {
                var session = await DirectLineSession.StartAsync(http, ct);
                var n = 0;
                while (DateTime.UtcNow < deadline && !ct.IsCancellationRequested)
                {
                    var question = questions[(i + n++) % questions.Length];
                    var start = Stopwatch.GetTimestamp();
                    if (await session.AskAsync(question, ct))
                        latencies[i].Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                    else
                        errors[i]++;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException or JsonException)
            {
                errors[i]++;
            }
        }));
        clock.Stop();
        var all = latencies.SelectMany(l => l).Order().ToList();
        var turns = all.Count;
        await output.WriteLineAsync($"conversations: {conversations}, duration: {clock.Elapsed.TotalSeconds:F1} s, turns: {turns}, errors: {errors.Sum()}");
        await output.WriteLineAsync($"throughput: {turns / clock.Elapsed.TotalSeconds:F0} turns/s");
        if (turns > 0)
            await output.WriteLineAsync($"latency: p50 {CliArgs.Percentile(all, 0.50):F1} ms, p95 {CliArgs.Percentile(all, 0.95):F1} ms, p99 {CliArgs.Percentile(all, 0.99):F1} ms, max {all[^1]:F1} ms");
        var endMemory = await ReadWorkingSetAsync(http, ct);
        if (startMemory is not null && endMemory is not null)
            await output.WriteLineAsync($"server working set: {startMemory / 1048576.0:F0} MiB before, {endMemory / 1048576.0:F0} MiB after");
        return errors.Sum() == 0 ? 0 : 1;
    }

    private static async Task<long?> ReadWorkingSetAsync(HttpClient http, CancellationToken ct)
    {
        try
        {
            var health = await http.GetFromJsonAsync<JsonObject>("/healthz", ct);
            return health?["workingSetBytes"]?.GetValue<long>();
        }
        catch (Exception e) when (e is HttpRequestException or JsonException or InvalidOperationException or TaskCanceledException)
        {
            return null;
        }
    }

    /// <summary>One visitor: a token, a conversation, and a watermark to poll from.</summary>
    private sealed class DirectLineSession(HttpClient http, string conversationId, string token)
    {
        private string? _watermark;

        public static async Task<DirectLineSession> StartAsync(HttpClient http, CancellationToken ct)
        {
            using var tokenResponse = await http.PostAsync("/api/directline/token", null, ct);
            tokenResponse.EnsureSuccessStatusCode();
            var token = (await tokenResponse.Content.ReadFromJsonAsync<JsonObject>(ct))!["token"]!.GetValue<string>();
            using var start = new HttpRequestMessage(HttpMethod.Post, "/v3/directline/conversations");
            start.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            using var started = await http.SendAsync(start, ct);
            started.EnsureSuccessStatusCode();
            var body = (await started.Content.ReadFromJsonAsync<JsonObject>(ct))!;
            var session = new DirectLineSession(http, body["conversationId"]!.GetValue<string>(), body["token"]?.GetValue<string>() ?? token);
            await session.PollAsync(_ => true, ct); // the greeting
            return session;
        }

        public async Task<bool> AskAsync(string question, CancellationToken ct)
        {
            using var post = Request(HttpMethod.Post, $"/v3/directline/conversations/{conversationId}/activities");
            post.Content = JsonContent.Create(new { type = "message", from = new { id = "load-user", role = "user" }, text = question });
            using var posted = await http.SendAsync(post, ct);
            if (!posted.IsSuccessStatusCode)
                return false;
            var id = (await posted.Content.ReadFromJsonAsync<JsonObject>(ct))!["id"]!.GetValue<string>();
            return await PollAsync(a => a["replyToId"]?.GetValue<string>() == id && a["type"]?.GetValue<string>() == "message", ct);
        }

        private async Task<bool> PollAsync(Func<JsonNode, bool> isReply, CancellationToken ct)
        {
            for (var attempt = 0; attempt < 200; attempt++)
            {
                using var get = Request(HttpMethod.Get, $"/v3/directline/conversations/{conversationId}/activities" + (_watermark is null ? "" : $"?watermark={_watermark}"));
                using var response = await http.SendAsync(get, ct);
                if (!response.IsSuccessStatusCode)
                    return false;
                var set = (await response.Content.ReadFromJsonAsync<JsonObject>(ct))!;
                _watermark = set["watermark"]?.GetValue<string>() ?? _watermark;
                if (set["activities"]?.AsArray().Any(a => a is not null && isReply(a)) == true)
                    return true;
                await Task.Delay(attempt < 20 ? 1 : 10, ct);
            }
            return false;
        }

        private HttpRequestMessage Request(HttpMethod method, string path)
        {
            var request = new HttpRequestMessage(method, path);
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            return request;
        }
    }
}
