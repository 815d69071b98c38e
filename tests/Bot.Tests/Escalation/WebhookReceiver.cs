using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using Clinic.Bot.Escalation.Webhook;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Clinic.Bot.Tests.Escalation;

/// <summary>
/// A webhook receiver on real Kestrel, as a paging service would be: it checks X-Clinic-Signature over the raw body
/// (401 when wrong), and treats a repeated Idempotency-Key as the same alert (200, not counted again). Scripted
/// answers play outages; it can be stopped and started again on the same port.
/// </summary>
internal sealed class WebhookReceiver : IAsyncDisposable
{
    public const string Secret = "test-webhook-secret-0123456789abcdef0123456789";
    private WebApplication? _app;

    private WebhookReceiver(int port) => Port = port;

    public int Port { get; }

    public string Url => $"http://127.0.0.1:{Port}/hooks/clinic";

    /// <summary>Every request that reached the receiver, valid or not.</summary>
    public ConcurrentQueue<(string? IdempotencyKey, bool SignatureValid, string? Timestamp)> Requests { get; } = new();

    /// <summary>Distinct alerts accepted, by Idempotency-Key, with the parsed body.</summary>
    public ConcurrentDictionary<string, JsonElement> Alerts { get; } = new();

    /// <summary>Answers for the next valid requests, in order; afterwards 200.</summary>
    public ConcurrentQueue<Func<HttpContext, Task>> Script { get; } = new();

    public static WebhookReceiver NotStarted() => new(FreePort.Loopback());

    public static async Task<WebhookReceiver> StartNewAsync()
    {
        var receiver = NotStarted();
        await receiver.StartAsync();
        return receiver;
    }

    public async Task StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, Port));
        var app = builder.Build();
        app.MapPost("/hooks/clinic", ReceiveAsync);
        await app.StartAsync();
        _app = app;
    }

    public async Task StopAsync()
    {
        if (_app is null)
            return;
        await _app.StopAsync();
        await _app.DisposeAsync();
        _app = null;
    }

    public static Func<HttpContext, Task> Status(int status, string? retryAfter = null) => context =>
    {
        context.Response.StatusCode = status;
        if (retryAfter is not null)
            context.Response.Headers.RetryAfter = retryAfter;
        return Task.CompletedTask;
    };

    private async Task ReceiveAsync(HttpContext context)
    {
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer);
        var body = buffer.ToArray();
        var key = context.Request.Headers[WebhookSignature.IdempotencyHeader].ToString();
        var valid = WebhookSignature.Verify(Secret, body, context.Request.Headers[WebhookSignature.SignatureHeader].ToString());
        Requests.Enqueue((key, valid, context.Request.Headers[WebhookSignature.TimestampHeader].ToString()));
        if (!valid || key.Length == 0)
        {
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return;
        }

        if (Script.TryDequeue(out var answer))
        {
            await answer(context);
            return;
        }

        using var document = JsonDocument.Parse(body);
        Alerts.TryAdd(key, document.RootElement.Clone());
        context.Response.StatusCode = StatusCodes.Status200OK;
    }

    public ValueTask DisposeAsync() => new(StopAsync());
}
