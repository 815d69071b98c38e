using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Clinic.Knowledge.Tests.Generation;

/// <summary>
/// An OpenAI-compatible Chat Completions server on 127.0.0.1 (Kestrel, a free port): <c>POST .../chat/completions</c>
/// answered as JSON or, when the request asks to stream, as SSE chunks ending <c>data: [DONE]</c>. It records every
/// request and answers each with what <see cref="Respond"/> returns.
/// </summary>
public sealed class FakeChatServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private FakeChatServer(WebApplication app) => _app = app;

    /// <summary>The requests received, in order.</summary>
    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

    /// <summary>The reply to a request; by default a faithful one-sentence answer from passage 1.</summary>
    public Func<RecordedRequest, FakeReply> Respond { get; set; } = request => FakeReply.Text(request.FirstSentence(1).TrimEnd('.') + " [1].");

    /// <summary>For example <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>The address to use as an OpenAI-compatible endpoint (<c>.../v1/</c>).</summary>
    public string OpenAIEndpoint => new Uri(BaseAddress, "v1/").ToString();

    public static async Task<FakeChatServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new FakeChatServer(app);
        app.MapPost("/{**path}", server.HandleAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.BaseAddress = new Uri(address.TrimEnd('/') + "/");
        return server;
    }

    private async Task HandleAsync(HttpContext context, string path)
    {
        var body = (await JsonNode.ParseAsync(context.Request.Body))!.AsObject();
        var request = new RecordedRequest("/" + path, context.Request.Headers.Authorization.ToString(), body);
        Requests.Enqueue(request);
        if (!path.EndsWith("chat/completions", StringComparison.Ordinal))
        {
            context.Response.StatusCode = 404;
            return;
        }
        var reply = Respond(request);
        if (reply.Delay > TimeSpan.Zero)
        {
            try
            {
                await Task.Delay(reply.Delay, context.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
        if (reply.Status != 200)
        {
            context.Response.StatusCode = reply.Status;
            if (reply.RetryAfterSeconds is { } seconds)
                context.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            await context.Response.WriteAsJsonAsync(new { error = new { message = "fake failure", type = "server_error", code = reply.Status.ToString(System.Globalization.CultureInfo.InvariantCulture) } });
            return;
        }
        if (reply.RawBody is not null)
        {
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(reply.RawBody);
            return;
        }
        var model = body["model"]?.GetValue<string>() ?? "fake";
        if (body["stream"]?.GetValue<bool>() == true)
            await StreamAsync(context.Response, model, reply.Content);
        else
            await context.Response.WriteAsJsonAsync(Completion(model, reply.Content));
    }

    private static JsonObject Completion(string model, string content) => new()
    {
        ["id"] = "chatcmpl-fake",
        ["object"] = "chat.completion",
        ["created"] = 1_700_000_000,
        ["model"] = model,
        ["choices"] = new JsonArray(new JsonObject
        {
            ["index"] = 0,
            ["message"] = new JsonObject { ["role"] = "assistant", ["content"] = content },
            ["finish_reason"] = "stop",
        }),
        ["usage"] = new JsonObject { ["prompt_tokens"] = 100, ["completion_tokens"] = 20, ["total_tokens"] = 120 },
    };

    // Chunks of a few characters, as a model streams tokens: sentence ends fall inside chunks, not between them.
    private static async Task StreamAsync(HttpResponse response, string model, string content)
    {
        response.ContentType = "text/event-stream";
        var pieces = new List<JsonObject> { Chunk(model, new JsonObject { ["role"] = "assistant", ["content"] = "" }, null) };
        for (var i = 0; i < content.Length; i += 7)
            pieces.Add(Chunk(model, new JsonObject { ["content"] = content.Substring(i, Math.Min(7, content.Length - i)) }, null));
        pieces.Add(Chunk(model, new JsonObject(), "stop"));
        foreach (var piece in pieces)
        {
            await response.WriteAsync("data: " + piece.ToJsonString() + "\n\n", Encoding.UTF8);
            await response.Body.FlushAsync();
        }
        await response.WriteAsync("data: [DONE]\n\n", Encoding.UTF8);
    }

    private static JsonObject Chunk(string model, JsonObject delta, string? finish) => new()
    {
        ["id"] = "chatcmpl-fake",
        ["object"] = "chat.completion.chunk",
        ["created"] = 1_700_000_000,
        ["model"] = model,
        ["choices"] = new JsonArray(new JsonObject { ["index"] = 0, ["delta"] = delta, ["finish_reason"] = finish }),
    };

    public async ValueTask DisposeAsync()
    {
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        await _app.StopAsync(stop.Token);
        await _app.DisposeAsync();
    }
}
