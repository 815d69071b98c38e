using System.Collections.Concurrent;
using Clinic.Bot.Protocol;
using Clinic.Bot.Protocol.Connector;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Clinic.Bot.Tests.Protocol;

[CollectionDefinition(nameof(ProcessEnvironment), DisableParallelization = true)]
public sealed class ProcessEnvironment;

/// <summary>
/// UserAssignedMSI through MSAL's managed-identity client against a local endpoint speaking the App Service
/// managed identity protocol (MSAL finds it through IDENTITY_ENDPOINT / IDENTITY_HEADER, as on App Service).
/// Process environment variables are shared, so this runs alone.
/// </summary>
[Collection(nameof(ProcessEnvironment))]
public sealed class ManagedIdentityTokenTests : IAsyncLifetime
{
    private const string ClientId = "7c2d9e10-aaaa-4bbb-8ccc-0123456789ab";
    private const string IdentityHeader = "local-identity-header-secret";
    private readonly ConcurrentQueue<(string Resource, string ClientId, string Header)> _requests = new();
    private LocalServer _identity = null!;
    private string? _previousEndpoint;
    private string? _previousHeader;

    public async Task InitializeAsync()
    {
        _identity = await LocalServer.StartAsync(app => app.MapGet("/msi/token", (HttpContext context) =>
        {
            _requests.Enqueue((context.Request.Query["resource"].ToString(), context.Request.Query["client_id"].ToString(), context.Request.Headers["X-IDENTITY-HEADER"].ToString()));
            return Results.Json(new
            {
                access_token = "msi-token-for-" + context.Request.Query["client_id"],
                expires_on = DateTimeOffset.UtcNow.AddHours(1).ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture),
                resource = context.Request.Query["resource"].ToString(),
                token_type = "Bearer",
                client_id = context.Request.Query["client_id"].ToString(),
            });
        }));
        _previousEndpoint = Environment.GetEnvironmentVariable("IDENTITY_ENDPOINT");
        _previousHeader = Environment.GetEnvironmentVariable("IDENTITY_HEADER");
        Environment.SetEnvironmentVariable("IDENTITY_ENDPOINT", _identity.BaseUrl + "/msi/token");
        Environment.SetEnvironmentVariable("IDENTITY_HEADER", IdentityHeader);
    }

    public async Task DisposeAsync()
    {
        Environment.SetEnvironmentVariable("IDENTITY_ENDPOINT", _previousEndpoint);
        Environment.SetEnvironmentVariable("IDENTITY_HEADER", _previousHeader);
        await _identity.DisposeAsync();
    }

    [Fact]
    public async Task AUserAssignedManagedIdentityGetsATokenForTheBotFrameworkResource()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Bot:MicrosoftAppId"] = ClientId,
            ["Bot:MicrosoftAppType"] = "UserAssignedMSI",
            ["Bot:MicrosoftAppTenantId"] = "8a1b2c3d-0000-4000-8000-0000000000aa",
        }).Build();
        await using var services = new ServiceCollection().AddLogging().AddSingleton<IConfiguration>(configuration).AddBotProtocol().BuildServiceProvider();
        var tokens = services.GetRequiredService<IBotTokenProvider>();

        var first = await tokens.GetTokenAsync(CancellationToken.None);
        var second = await tokens.GetTokenAsync(CancellationToken.None);

        Assert.Equal("msi-token-for-" + ClientId, first);
        Assert.Equal(first, second);
        var (resource, clientId, header) = Assert.Single(_requests);
        Assert.Equal(IdentityHeader, header);
        Assert.Equal("https://api.botframework.com", resource);
        Assert.Equal(ClientId, clientId);
    }
}
