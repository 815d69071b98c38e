using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Clinic.Bot.Tests.Protocol;

/// <summary>
/// A Bot Connector stand-in speaking the v3 conversations REST protocol: it records each request (raw target,
/// Authorization, body) and answers from a script, then with 201 and a ResourceResponse {id}.
/// </summary>
internal sealed class FakeConnector : IAsyncDisposable
{
    private readonly LocalServer _server;
    private int _nextId;

    private FakeConnector(LocalServer server) => _server = server;

    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

    /// <summary>Answers for the next requests, in order.</summary>
    public ConcurrentQueue<Func<HttpContext, Task>> Script { get; } = new();

    /// <summary>A serviceUrl shaped like Teams' (a path and a trailing slash).</summary>
    public string ServiceUrl => _server.BaseUrl + "/amer/";

    public static async Task<FakeConnector> StartAsync()
    {
        FakeConnector? self = null;
        var server = await LocalServer.StartAsync(app => app.Run(async context =>
        {
            using var reader = new StreamReader(context.Request.Body);
            var body = await reader.ReadToEndAsync();
            self!.Requests.Enqueue(new RecordedRequest(
                context.Request.Method,
                context.Features.GetRequiredFeature<IHttpRequestFeature>().RawTarget,
                context.Request.Headers.Authorization.ToString(),
                context.Request.ContentType,
                body));
            if (self.Script.TryDequeue(out var answer))
            {
                await answer(context);
                return;
            }

            context.Response.StatusCode = 201;
            await context.Response.WriteAsJsonAsync(new { id = "sent-" + Interlocked.Increment(ref self._nextId) });
        }));
        self = new FakeConnector(server);
        return self;
    }

    public static Func<HttpContext, Task> Status(int status, string? retryAfter = null) => context =>
    {
        context.Response.StatusCode = status;
        if (retryAfter is not null)
        {
            context.Response.Headers.RetryAfter = retryAfter;
        }

        return context.Response.WriteAsJsonAsync(new { error = new { code = "Scripted", message = "scripted failure" } });
    };

    /// <summary>Drops the connection after the request arrived: the sender cannot know whether it was processed.</summary>
    public static Func<HttpContext, Task> Abort() => context =>
    {
        context.Abort();
        return Task.CompletedTask;
    };

    public ValueTask DisposeAsync() => _server.DisposeAsync();
}

internal sealed record RecordedRequest(string Method, string RawTarget, string Authorization, string? ContentType, string Body);
