using System.Collections.Concurrent;
using System.Security.Cryptography.X509Certificates;
using Clinic.Bot.Protocol;
using Clinic.Bot.Protocol.Connector;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Clinic.Bot.Tests.Protocol;

/// <summary>
/// The real MSAL client-credentials flow against a local OAuth 2.0 token endpoint. MSAL insists on https
/// authorities, so the fake serves TLS with a throwaway self-signed certificate that only this test trusts.
/// </summary>
public sealed class MsalBotTokenProviderTests : IAsyncLifetime
{
    private const string AppId = "5f0b3a5e-8d1c-4c34-9b54-2a1f4f6a9c11";
    private const string TenantId = "8a1b2c3d-0000-4000-8000-0000000000aa";
    private readonly X509Certificate2 _certificate = LocalServer.CreateCertificate();
    private readonly ConcurrentQueue<(string Path, Dictionary<string, string> Form)> _tokenRequests = new();
    private LocalServer _login = null!;
    private int _issued;

    public async Task InitializeAsync()
    {
        _login = await LocalServer.StartAsync(
            app => app.MapPost("/{tenant}/oauth2/v2.0/token", async (HttpContext context, string tenant) =>
            {
                var form = (await context.Request.ReadFormAsync()).ToDictionary(f => f.Key, f => f.Value.ToString());
                _tokenRequests.Enqueue((context.Request.Path.Value!, form));
                if (form.GetValueOrDefault("client_secret") != "right-secret")
                {
                    return Results.Json(new { error = "invalid_client", error_description = "AADSTS7000215: Invalid client secret." }, statusCode: 401);
                }

                return Results.Json(new
                {
                    token_type = "Bearer",
                    expires_in = 3600,
                    ext_expires_in = 3600,
                    access_token = $"access-token-{Interlocked.Increment(ref _issued)}-{tenant}",
                });
            }),
            httpsCertificate: _certificate);
    }

    public async Task DisposeAsync()
    {
        await _login.DisposeAsync();
        _certificate.Dispose();
    }

    private ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection().AddLogging().AddSingleton<IConfiguration>(configuration).AddBotProtocol();
        services.AddHttpClient(MsalBotTokenProvider.HttpClientName).ConfigurePrimaryHttpMessageHandler(() => LocalServer.Trusting(_certificate));
        return services.BuildServiceProvider();
    }

    private Dictionary<string, string?> Settings(string appType = "MultiTenant", string secret = "right-secret", string tenantPath = "botframework.com") => new()
    {
        ["Bot:MicrosoftAppId"] = AppId,
        ["Bot:MicrosoftAppPassword"] = secret,
        ["Bot:MicrosoftAppType"] = appType,
        ["Bot:MicrosoftAppTenantId"] = appType == "SingleTenant" ? TenantId : null,
        ["Bot:ToChannelFromBotLoginUrl"] = $"{_login.BaseUrl}/{tenantPath}",
    };

    [Fact]
    public async Task GetsAClientCredentialsTokenForTheBotFrameworkScopeAndCachesIt()
    {
        await using var services = Build(Settings());
        var tokens = services.GetRequiredService<IBotTokenProvider>();

        var first = await tokens.GetTokenAsync(CancellationToken.None);
        var second = await tokens.GetTokenAsync(CancellationToken.None);

        Assert.Equal("access-token-1-botframework.com", first);
        Assert.Equal(first, second);
        var (path, form) = Assert.Single(_tokenRequests);
        Assert.Equal("/botframework.com/oauth2/v2.0/token", path);
        Assert.Equal("client_credentials", form["grant_type"]);
        Assert.Equal(AppId, form["client_id"]);
        Assert.Equal("https://api.botframework.com/.default", form["scope"]);
    }

    [Fact]
    public async Task ConcurrentCallersShareOneTokenRequest()
    {
        await using var services = Build(Settings());
        var tokens = services.GetRequiredService<IBotTokenProvider>();

        var all = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => tokens.GetTokenAsync(CancellationToken.None)));

        Assert.Single(all.Distinct());
        Assert.Single(_tokenRequests);
    }

    [Fact]
    public async Task AnInvalidatedTokenIsReplacedBypassingMsalsCache()
    {
        await using var services = Build(Settings());
        var tokens = services.GetRequiredService<IBotTokenProvider>();
        var first = await tokens.GetTokenAsync(CancellationToken.None);

        tokens.Invalidate("some-other-token");
        Assert.Equal(first, await tokens.GetTokenAsync(CancellationToken.None));

        tokens.Invalidate(first!);
        var second = await tokens.GetTokenAsync(CancellationToken.None);

        Assert.Equal("access-token-2-botframework.com", second);
        Assert.Equal(2, _tokenRequests.Count);
    }

    [Fact]
    public async Task SingleTenantBotsUseTheirTenantsAuthority()
    {
        await using var services = Build(Settings(appType: "SingleTenant", tenantPath: TenantId));

        var token = await services.GetRequiredService<IBotTokenProvider>().GetTokenAsync(CancellationToken.None);

        Assert.Equal($"access-token-1-{TenantId}", token);
        Assert.Equal($"/{TenantId}/oauth2/v2.0/token", Assert.Single(_tokenRequests).Path);
    }

    [Fact]
    public async Task AWrongSecretSurfacesAsAnMsalFault()
    {
        await using var services = Build(Settings(secret: "wrong-secret"));

        await Assert.ThrowsAsync<Microsoft.Identity.Client.MsalServiceException>(
            () => services.GetRequiredService<IBotTokenProvider>().GetTokenAsync(CancellationToken.None));
    }

    [Fact]
    public async Task WithoutAnAppIdThereIsNoTokenAndNoCall()
    {
        await using var services = Build(new Dictionary<string, string?> { ["Bot:ToChannelFromBotLoginUrl"] = $"{_login.BaseUrl}/botframework.com" });

        Assert.Null(await services.GetRequiredService<IBotTokenProvider>().GetTokenAsync(CancellationToken.None));
        Assert.Empty(_tokenRequests);
    }
}
