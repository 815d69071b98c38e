using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Clinic.Bot.Tests.Protocol;
using Microsoft.AspNetCore.Http;

namespace Clinic.Knowledge.Tests.Fakes;

/// <summary>
/// An OpenAI-compatible <c>POST {base}/embeddings</c> on loopback (Azure's v1 path by default). Vectors are derived from
/// the input's words, so texts sharing words are similar and the same text always gets the same vector. Scripted
/// faults (429 with Retry-After, 500) answer the next requests; every request is recorded.
/// </summary>
internal sealed class FakeEmbeddingsServer : IAsyncDisposable
{
    public const string ApiKey = "test-key";
    private readonly ConcurrentQueue<(int Status, string? RetryAfter)> _faults = new();
    private LocalServer _server = null!;

    public sealed record Request(string Path, string? Authorization, string Model, IReadOnlyList<string> Input, string? EncodingFormat, int? Dimensions, int Status);

    public ConcurrentQueue<Request> Requests { get; } = new();

    /// <summary>A bearer token accepted besides <see cref="ApiKey"/>: the one a test's Entra ID token endpoint issued.</summary>
    public string? AcceptedEntraToken { get; set; }

    /// <summary>Vector length when the request names none.</summary>
    public int DefaultDimensions { get; init; } = 96;

    public string Endpoint => _server.BaseUrl + "/openai/v1/";

    public static async Task<FakeEmbeddingsServer> StartAsync(
        int defaultDimensions = 96, int port = 0, System.Security.Cryptography.X509Certificates.X509Certificate2? httpsCertificate = null)
    {
        var fake = new FakeEmbeddingsServer { DefaultDimensions = defaultDimensions };
        fake._server = await LocalServer.StartAsync(
            app => app.MapPost("/openai/v1/embeddings", (Delegate)fake.HandleAsync), httpsCertificate: httpsCertificate, port: port);
        return fake;
    }

    public void FailNext(int status, string? retryAfter = null) => _faults.Enqueue((status, retryAfter));

    public IEnumerable<string> EmbeddedTexts => Requests.Where(r => r.Status == 200).SelectMany(r => r.Input);

    /// <summary>What the fake returns for <paramref name="text"/>: signed word buckets plus a shared component, unit length.</summary>
    public static float[] Vector(string text, int dimensions)
    {
        var v = new float[dimensions];
        v[0] = 0.5f; // every real embedding shares a large common direction; the index's mean-centring must remove it
        foreach (var word in System.Text.RegularExpressions.Regex.Split(text.ToLowerInvariant(), "[^a-z0-9]+").Where(w => w.Length > 2))
        {
            var h = 2166136261u;
            foreach (var ch in word)
                h = (h ^ ch) * 16777619u;
            v[1 + (int)(h % (uint)(dimensions - 1))] += (h & 0x80000000) == 0 ? 1 : -1;
        }
        var norm = MathF.Sqrt(v.Sum(x => x * x));
        return v.Select(x => x / norm).ToArray();
    }

    private async Task<IResult> HandleAsync(HttpContext context)
    {
        var body = JsonNode.Parse(await new StreamReader(context.Request.Body).ReadToEndAsync())!.AsObject();
        var input = body["input"] is JsonArray array ? array.Select(n => n!.GetValue<string>()).ToList() : [body["input"]!.GetValue<string>()];
        var format = body["encoding_format"]?.GetValue<string>();
        var dimensions = body["dimensions"]?.GetValue<int>();
        var model = body["model"]!.GetValue<string>();
        var auth = context.Request.Headers.Authorization.ToString();
        int status = auth == "Bearer " + ApiKey || (AcceptedEntraToken is not null && auth == "Bearer " + AcceptedEntraToken) ? 200 : 401;
        string? retryAfter = null;
        if (status == 200 && _faults.TryDequeue(out var fault))
            (status, retryAfter) = fault;
        Requests.Enqueue(new Request(context.Request.Path, auth, model, input, format, dimensions, status));
        if (retryAfter is not null)
            context.Response.Headers.RetryAfter = retryAfter;
        if (status != 200)
            return Results.Json(new { error = new { code = status.ToString(), message = "scripted failure" } }, statusCode: status);

        var dims = dimensions ?? DefaultDimensions;
        var data = input.Select((text, i) =>
        {
            var vector = Vector(text, dims);
            object embedding = format == "base64" ? Convert.ToBase64String(System.Runtime.InteropServices.MemoryMarshal.AsBytes(vector.AsSpan())) : vector;
            return new { @object = "embedding", index = i, embedding };
        }).ToList();
        var tokens = input.Sum(t => t.Split(' ').Length);
        return Results.Json(new { @object = "list", data, model, usage = new { prompt_tokens = tokens, total_tokens = tokens } },
            new JsonSerializerOptions());
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();
}
