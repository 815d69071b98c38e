using System.Collections.Concurrent;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Clinic.Bot.Tests.Protocol;
using Clinic.Knowledge.Search;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Clinic.Knowledge.Tests.Fakes;

/// <summary>
/// Azure AI Search's REST API (version 2023-11-01, the one Azure.Search.Documents 11.5.1 speaks) over TLS on loopback,
/// holding one index in memory: <c>GET/PUT/DELETE /indexes('name')</c>, <c>POST .../docs/search.index</c> (upload, merge,
/// delete) and <c>POST .../docs/search.post.search</c> (full text, <c>vectorQueries</c>, filters on one field, counts),
/// fusing text and vector rankings by reciprocal rank as the service does. It checks the api-key, the api-version and
/// vector lengths as the service does, records every request, and answers scripted faults first.
/// </summary>
internal sealed partial class FakeSearchService : IAsyncDisposable
{
    public const string ApiKey = "search-admin-key";
    public const string ApiVersion = "2023-11-01";
    private const int RrfK = 60;
    private readonly ConcurrentQueue<Fault> _faults = new();
    private readonly Lock _lock = new();
    private readonly Dictionary<string, JsonObject> _documents = new(StringComparer.Ordinal);
    private JsonObject? _index;
    private LocalServer _server = null!;

    /// <summary>A scripted answer: a status (with Retry-After), or a 200 whose body is <paramref name="RawBody"/> as is.</summary>
    public sealed record Fault(string Operation, int Status, string? RetryAfter = null, string? RawBody = null);

    /// <param name="Operation">index.get, index.put, index.delete, docs.index or docs.search.</param>
    public sealed record Request(string Method, string Operation, string Index, string? ApiKeyHeader, string? ApiVersionParameter, JsonObject? Body, int Status);

    public ConcurrentQueue<Request> Requests { get; } = new();

    public X509Certificate2 Certificate { get; } = LocalServer.CreateCertificate();

    public string Endpoint => _server.BaseUrl;

    /// <summary>When set, decides the ranking of a query instead of the text and vector scores: chunk ids, best first.</summary>
    public Func<JsonObject, IReadOnlyList<string>>? Rank { get; set; }

    /// <summary>When true every request fails with 503 until set back (an outage); scripted faults come first.</summary>
    public bool Down { get; set; }

    public static async Task<FakeSearchService> StartAsync(int port = 0)
    {
        var fake = new FakeSearchService();
        fake._server = await LocalServer.StartAsync(app => app.Run(fake.HandleAsync), httpsCertificate: fake.Certificate, port: port);
        return fake;
    }

    /// <summary>Makes the app's two Azure AI Search HttpClients trust this fake's certificate (and nothing else does).</summary>
    public void TrustedBy(IServiceCollection services)
    {
        foreach (var name in new[] { SearchServiceCollectionExtensions.QueryHttpClientName, SearchServiceCollectionExtensions.IndexingHttpClientName })
            services.AddHttpClient(name).ConfigurePrimaryHttpMessageHandler(() => LocalServer.Trusting(Certificate));
    }

    public void FailNext(string operation, int status, string? retryAfter = null) => _faults.Enqueue(new Fault(operation, status, retryAfter));

    public void AnswerNextWith(string operation, string rawBody) => _faults.Enqueue(new Fault(operation, 200, RawBody: rawBody));

    public IEnumerable<Request> Of(string operation) => Requests.Where(r => r.Operation == operation);

    public int DocumentCount
    {
        get
        {
            lock (_lock)
                return _documents.Count;
        }
    }

    /// <summary>The stored index definition, as the app sent it.</summary>
    public JsonObject? Index
    {
        get
        {
            lock (_lock)
                return _index?.DeepClone().AsObject();
        }
    }

    private async Task HandleAsync(HttpContext context)
    {
        var match = Route().Match(context.Request.Path.Value ?? "");
        var body = context.Request.ContentLength > 0 || context.Request.Method == "POST" || context.Request.Method == "PUT"
            ? JsonNode.Parse(await new StreamReader(context.Request.Body).ReadToEndAsync()) as JsonObject
            : null;
        var operation = !match.Success ? "unknown" : match.Groups["docs"].Success ? "docs." + match.Groups["docs"].Value.Replace("search.post.", "", StringComparison.Ordinal).Replace("search.", "", StringComparison.Ordinal)
            : "index." + context.Request.Method.ToLowerInvariant();
        var name = match.Groups["name"].Value;
        var (status, reply) = Answer(context, operation, name, body);
        Requests.Enqueue(new Request(context.Request.Method, operation, name, context.Request.Headers["api-key"].FirstOrDefault(),
            context.Request.Query["api-version"].FirstOrDefault(), body, status));
        context.Response.StatusCode = status;
        if (reply is string raw)
        {
            context.Response.ContentType = "application/json; odata.metadata=none";
            await context.Response.WriteAsync(raw);
        }
        else if (reply is JsonNode json)
        {
            context.Response.ContentType = "application/json; odata.metadata=minimal";
            await context.Response.WriteAsync(json.ToJsonString());
        }
    }

    private (int Status, object? Reply) Answer(HttpContext context, string operation, string name, JsonObject? body)
    {
        if (context.Request.Headers["api-key"] != ApiKey)
            return Error(403, "Authorization failed.");
        if (context.Request.Query["api-version"] != ApiVersion)
            return Error(400, "Invalid or missing api-version query string parameter.");
        if (_faults.TryPeek(out var fault) && fault.Operation == operation && _faults.TryDequeue(out _))
        {
            if (fault.RetryAfter is not null)
                context.Response.Headers.RetryAfter = fault.RetryAfter;
            return fault.RawBody is not null ? (fault.Status, fault.RawBody) : Error(fault.Status, "Scripted failure.");
        }
        if (Down)
            return Error(503, "Service unavailable.");
        lock (_lock)
        {
            return operation switch
            {
                "index.get" => _index is not null && (string?)_index["name"] == name ? (200, Described(_index)) : Error(404, $"No index with the name '{name}' was found in the service 'fake'."),
                "index.put" => PutIndex(name, body!),
                "index.delete" => DeleteIndex(name),
                "docs.index" => _index is null ? Error(404, "The index was not found.") : IndexDocuments(body!),
                "docs.search" => _index is null ? Error(404, "The index was not found.") : Search(body!),
                _ => Error(404, "Unknown resource."),
            };
        }
    }

    private (int, object?) PutIndex(string name, JsonObject definition)
    {
        if ((string?)definition["name"] != name)
            return Error(400, "The index name in the body does not match the one in the address.");
        var fields = definition["fields"]!.AsArray().Select(f => f!.AsObject()).ToList();
        if (fields.Count(f => f["key"]?.GetValue<bool>() == true) != 1)
            return Error(400, "An index must have exactly one key field.");
        var profiles = definition["vectorSearch"]?["profiles"]?.AsArray().Select(p => (string)p!["name"]!).ToHashSet() ?? [];
        foreach (var vector in fields.Where(f => (string?)f["type"] == "Collection(Edm.Single)"))
        {
            if (vector["dimensions"] is null || !profiles.Contains((string?)vector["vectorSearchProfile"] ?? ""))
                return Error(400, "A vector field needs dimensions and a vector search profile defined in vectorSearch.");
        }
        if (_index is not null && VectorDimensions(_index) is { } old && old != VectorDimensions(definition))
            return Error(400, "Existing field 'vector' cannot be changed.");
        var created = _index is null;
        _index = definition.DeepClone().AsObject();
        return (created ? 201 : 200, Described(_index));
    }

    private (int, object?) DeleteIndex(string name)
    {
        if (_index is null || (string?)_index["name"] != name)
            return Error(404, $"No index with the name '{name}' was found in the service 'fake'.");
        _index = null;
        _documents.Clear();
        return (204, null);
    }

    private (int, object?) IndexDocuments(JsonObject body)
    {
        var key = KeyField();
        var dims = VectorDimensions(_index!);
        var results = new JsonArray();
        foreach (var action in body["value"]!.AsArray().Select(a => a!.AsObject()))
        {
            var id = (string)action[key]!;
            foreach (var field in VectorFields(_index!))
            {
                if (action[field] is JsonArray vector && vector.Count != dims)
                    return Error(400, $"The vector field '{field}' must have dimensions {dims}, but a document has {vector.Count}.");
            }
            var existed = _documents.ContainsKey(id);
            switch ((string?)action["@search.action"] ?? "upload")
            {
                case "delete":
                    _documents.Remove(id);
                    break;
                case "upload" or "mergeOrUpload" or "merge":
                    var document = action.DeepClone().AsObject();
                    document.Remove("@search.action");
                    _documents[id] = document;
                    break;
            }
            results.Add(new JsonObject { ["key"] = id, ["status"] = true, ["errorMessage"] = null, ["statusCode"] = existed ? 200 : 201 });
        }
        return (200, new JsonObject { ["value"] = results });
    }

    private (int, object?) Search(JsonObject body)
    {
        var dims = VectorDimensions(_index!);
        var queries = body["vectorQueries"]?.AsArray().Select(q => q!.AsObject()).ToList() ?? [];
        if (queries.Any(q => q["vector"]!.AsArray().Count != dims))
            return Error(400, $"The vector query's length must be {dims}.");
        var candidates = _documents.Values.Where(Filter((string?)body["filter"])).ToList();
        var text = (string?)body["search"] ?? "*";
        var ranked = Rank is { } rank ? ByChunkId(candidates, rank(body)) : Fuse(candidates, text, queries);
        var top = (int?)body["top"] ?? 50;
        var select = ((string?)body["select"])?.Split(',', StringSplitOptions.TrimEntries);
        var value = new JsonArray();
        foreach (var (document, score) in ranked.Take(top))
        {
            var result = new JsonObject { ["@search.score"] = score };
            foreach (var (field, v) in document)
            {
                if (select is null ? document[field] is not JsonArray : select.Contains(field))
                    result[field] = v?.DeepClone();
            }
            value.Add(result);
        }
        var reply = new JsonObject();
        if ((bool?)body["count"] == true)
            reply["@odata.count"] = ranked.Count;
        reply["value"] = value;
        return (200, reply);
    }

    private static List<(JsonObject, double)> ByChunkId(List<JsonObject> candidates, IReadOnlyList<string> chunkIds) =>
        chunkIds.Select((id, i) => (candidates.FirstOrDefault(d => (string?)d["chunkId"] == id), 1.0 / (RrfK + i + 1)))
            .Where(x => x.Item1 is not null).Select(x => (x.Item1!, x.Item2)).ToList();

    // Reciprocal rank fusion of the text ranking and each vector query's k nearest, as Azure AI Search's hybrid query does.
    private static List<(JsonObject, double)> Fuse(List<JsonObject> candidates, string text, List<JsonObject> queries)
    {
        var fused = new Dictionary<JsonObject, double>(ReferenceEqualityComparer.Instance);
        void Add(IEnumerable<JsonObject> ranking)
        {
            var rank = 0;
            foreach (var document in ranking)
                fused[document] = fused.GetValueOrDefault(document) + 1.0 / (RrfK + ++rank);
        }
        if (text == "*" && queries.Count == 0)
            return candidates.Select(d => (d, 1.0)).ToList();
        if (text != "*")
        {
            var terms = Words(text).Distinct().ToList();
            var words = candidates.ToDictionary(d => d, d => Words($"{d["title"]} {d["section"]} {d["content"]}").ToList());
            var df = terms.ToDictionary(t => t, t => words.Values.Count(w => w.Contains(t)));
            Add(candidates.Select(d => (d, Score: Bm25(words[d], terms, df, candidates.Count))).Where(x => x.Score > 0).OrderByDescending(x => x.Score).Select(x => x.d));
        }
        // One ranking per vector field a query names, each of its k nearest.
        foreach (var query in queries)
        {
            var q = query["vector"]!.AsArray().Select(x => (double)x!).ToArray();
            foreach (var field in ((string)query["fields"]!).Split(',', StringSplitOptions.TrimEntries))
                Add(candidates.Where(d => d[field] is JsonArray).OrderByDescending(d => Cosine(q, d[field]!.AsArray().Select(x => (double)x!).ToArray())).Take((int?)query["k"] ?? 50));
        }
        return fused.OrderByDescending(kv => kv.Value).Select(kv => (kv.Key, kv.Value)).ToList();
    }

    private static double Bm25(List<string> words, List<string> terms, Dictionary<string, int> df, int documents)
    {
        var score = 0.0;
        foreach (var term in terms)
        {
            var tf = words.Count(w => w == term);
            if (tf > 0)
                score += Math.Log(1 + (documents - df[term] + 0.5) / (df[term] + 0.5)) * tf * 2.2 / (tf + 1.2);
        }
        return score;
    }

    // Lower-cased words without stop words, crudely stemmed (drive, driving, drives: driv), as the service's English
    // analyzer lemmatizes: enough of an analyzer for a fake.
    private static IEnumerable<string> Words(string text) =>
        WordPattern().Matches(text.ToLowerInvariant()).Select(m => m.Value).Where(w => !StopWords.Contains(w)).Select(Stem).Where(w => w.Length > 2);

    private static string Stem(string word)
    {
        foreach (var suffix in (string[])["ing", "ed", "es", "s", "e"])
        {
            if (word.Length > suffix.Length + 2 && word.EndsWith(suffix, StringComparison.Ordinal))
                return word[..^suffix.Length];
        }
        return word;
    }

    private static readonly HashSet<string> StopWords = ["the", "and", "for", "are", "does", "how", "can", "you", "with", "that", "this", "from", "your", "what", "after", "was", "will"];

    private static double Cosine(double[] a, double[] b)
    {
        double dot = 0, na = 0, nb = 0;
        for (var i = 0; i < a.Length; i++)
        {
            dot += a[i] * b[i];
            na += a[i] * a[i];
            nb += b[i] * b[i];
        }
        return na == 0 || nb == 0 ? 0 : dot / Math.Sqrt(na * nb);
    }

    // The filters the app sends: one string field compared with eq or ne.
    private static Func<JsonObject, bool> Filter(string? filter)
    {
        if (filter is null)
            return _ => true;
        var m = FilterPattern().Match(filter);
        if (!m.Success)
            throw new InvalidOperationException("The fake understands only \"field eq|ne 'value'\" filters, not: " + filter);
        var (field, equal, value) = (m.Groups[1].Value, m.Groups[2].Value == "eq", m.Groups[3].Value.Replace("''", "'", StringComparison.Ordinal));
        return d => ((string?)d[field] == value) == equal;
    }

    private string KeyField() => (string)_index!["fields"]!.AsArray().First(f => f!["key"]?.GetValue<bool>() == true)!["name"]!;

    private static IEnumerable<string> VectorFields(JsonObject definition) =>
        definition["fields"]!.AsArray().Where(f => (string?)f!["type"] == "Collection(Edm.Single)").Select(f => (string)f!["name"]!);

    private static int? VectorDimensions(JsonObject definition) =>
        (int?)definition["fields"]!.AsArray().FirstOrDefault(f => (string?)f!["type"] == "Collection(Edm.Single)")?["dimensions"];

    private static JsonObject Described(JsonObject index)
    {
        var reply = index.DeepClone().AsObject();
        reply["@odata.context"] = "https://fake.search.windows.net/$metadata#indexes/$entity";
        reply["@odata.etag"] = "\"0x8DC0000000000001\"";
        return reply;
    }

    private static (int, object?) Error(int status, string message) =>
        (status, new JsonObject { ["error"] = new JsonObject { ["code"] = "", ["message"] = message } });

    [GeneratedRegex(@"^/indexes\('(?<name>[^']+)'\)(/docs/(?<docs>search\.index|search\.post\.search))?$")]
    private static partial Regex Route();

    [GeneratedRegex("[a-z0-9]+")]
    private static partial Regex WordPattern();

    [GeneratedRegex(@"^(\w+) (eq|ne) '((?:[^']|'')*)'$")]
    private static partial Regex FilterPattern();

    public async ValueTask DisposeAsync()
    {
        await _server.DisposeAsync();
        Certificate.Dispose();
    }
}
