using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Clinic.Bot.Tests.DirectLine;

/// <summary>
/// Stands in for Azure Bot Service's <c>POST /v3/directline/tokens/generate</c> on 127.0.0.1, speaking its wire format:
/// Bearer secret in, <c>{conversationId, token, expires_in}</c> out. Records what it was sent.
/// </summary>
internal sealed class FakeAzureDirectLine : IAsyncDisposable
{
    private readonly WebApplication _app;

    private FakeAzureDirectLine(WebApplication app, string secret)
    {
        _app = app;
        Secret = secret;
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        TokenEndpoint = new Uri(address.TrimEnd('/') + "/v3/directline/tokens/generate");
    }

    public string Secret { get; }

    public Uri TokenEndpoint { get; }

    public ConcurrentQueue<(string? Authorization, string Body)> Requests { get; } = new();

    /// <summary>Status the fake answers with; anything but 200 sends Azure's error shape.</summary>
    public int Status { get; set; } = 200;

    public static async Task<FakeAzureDirectLine> StartAsync(string secret)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Testing" });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        FakeAzureDirectLine? fake = null;
        app.MapPost("/v3/directline/tokens/generate", async (HttpRequest request) =>
        {
            using var reader = new StreamReader(request.Body);
            var body = await reader.ReadToEndAsync();
            fake!.Requests.Enqueue((request.Headers.Authorization.ToString(), body));
            if (request.Headers.Authorization.ToString() != "Bearer " + fake.Secret)
            {
                return Results.Json(new { error = new { code = "BadArgument", message = "Invalid secret" } }, statusCode: 403);
            }
            return fake.Status == 200
                ? Results.Json(new { conversationId = "AzConv123", token = "azure-token-for-AzConv123", expires_in = 3600 })
                : Results.Json(new { error = new { code = "ServiceError", message = "Failed" } }, statusCode: fake.Status);
        });
        await app.StartAsync();
        fake = new FakeAzureDirectLine(app, secret);
        return fake;
    }

    public static string UserIdSent(string body) =>
        JsonDocument.Parse(body).RootElement.GetProperty("user").GetProperty("id").GetString()!;

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
