using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Identity.Client;
using Microsoft.Identity.Client.AppConfig;

namespace Clinic.Bot.Protocol.Connector;

/// <summary>
/// Client-credentials tokens for scope https://api.botframework.com/.default through MSAL: a client secret against
/// the botframework.com authority (MultiTenant) or the bot's tenant (SingleTenant), or a user-assigned managed
/// identity. MSAL caches tokens in the app instance; this class adds a single-flight guard in front of it.
/// </summary>
internal sealed class MsalBotTokenProvider(
    IOptions<BotOptions> options,
    IHttpClientFactory httpClientFactory,
    TimeProvider time,
    ILogger<MsalBotTokenProvider> logger) : IBotTokenProvider
{
    public const string HttpClientName = "Clinic.Bot.TokenClient";
    private const string PublicCloudHost = "login.microsoftonline.com";

    // Refresh this long before expiry so a token never expires mid-request.
    private static readonly TimeSpan RefreshMargin = TimeSpan.FromMinutes(5);

    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Lazy<Func<bool, CancellationToken, Task<AuthenticationResult>>> _acquire =
        new(() => CreateAcquirer(options.Value, new FactoryAdapter(httpClientFactory)));

    private CachedToken? _cached;
    private bool _forceNext;

    public async Task<string?> GetTokenAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.IsAuthenticationEnabled)
        {
            return null;
        }

        if (Fresh(Volatile.Read(ref _cached)) is { } cached)
        {
            return cached;
        }

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (Fresh(_cached) is { } again)
            {
                return again;
            }

            var result = await _acquire.Value(_forceNext, cancellationToken).ConfigureAwait(false);
            _forceNext = false;
            Volatile.Write(ref _cached, new CachedToken(result.AccessToken, result.ExpiresOn));
            logger.LogInformation("Acquired a Bot Connector token ({Source}), valid until {ExpiresOn:u}", result.AuthenticationResultMetadata?.TokenSource, result.ExpiresOn);
            return result.AccessToken;
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Invalidate(string rejectedToken)
    {
        var cached = Volatile.Read(ref _cached);
        if (cached is not null && cached.Token == rejectedToken
            && Interlocked.CompareExchange(ref _cached, null, cached) == cached)
        {
            // MSAL's own cache would hand back the same token; skip it once.
            _forceNext = true;
        }
    }

    private string? Fresh(CachedToken? token) =>
        token is not null && token.ExpiresOn - RefreshMargin > time.GetUtcNow() ? token.Token : null;

    private static Func<bool, CancellationToken, Task<AuthenticationResult>> CreateAcquirer(BotOptions settings, IMsalHttpClientFactory httpClients)
    {
        var scope = settings.ToChannelFromBotOAuthScope;
        if (settings.AppType == BotAppType.UserAssignedMSI)
        {
            var identity = ManagedIdentityApplicationBuilder
                .Create(ManagedIdentityId.WithUserAssignedClientId(settings.MicrosoftAppId!))
                .WithHttpClientFactory(httpClients)
                .Build();

            // Managed identity endpoints take a resource, not a scope.
            var resource = scope.EndsWith("/.default", StringComparison.Ordinal) ? scope[..^"/.default".Length] : scope;
            return (force, ct) => identity.AcquireTokenForManagedIdentity(resource).WithForceRefresh(force).ExecuteAsync(ct);
        }

        var authority = string.IsNullOrWhiteSpace(settings.ToChannelFromBotLoginUrl)
            ? $"https://{PublicCloudHost}/{(settings.AppType == BotAppType.SingleTenant ? settings.MicrosoftAppTenantId : "botframework.com")}"
            : settings.ToChannelFromBotLoginUrl!.TrimEnd('/');
        var isPublicCloud = new Uri(authority).Host.Equals(PublicCloudHost, StringComparison.OrdinalIgnoreCase);

        var builder = ConfidentialClientApplicationBuilder
            .Create(settings.MicrosoftAppId)
            .WithClientSecret(settings.MicrosoftAppPassword)
            .WithAuthority(authority, validateAuthority: isPublicCloud)
            .WithHttpClientFactory(httpClients);
        if (!isPublicCloud)
        {
            // An overridden authority (sovereign cloud, or a test's token endpoint) is trusted as configured.
            builder = builder.WithInstanceDiscovery(false);
        }

        var app = builder.Build();
        string[] scopes = [scope];
        return (force, ct) => app.AcquireTokenForClient(scopes).WithForceRefresh(force).ExecuteAsync(ct);
    }

    private sealed record CachedToken(string Token, DateTimeOffset ExpiresOn);

    private sealed class FactoryAdapter(IHttpClientFactory factory) : IMsalHttpClientFactory
    {
        public HttpClient GetHttpClient() => factory.CreateClient(HttpClientName);
    }
}
