using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace Clinic.Bot.Protocol.Authentication;

/// <summary>
/// One cached OpenID configuration (metadata + signing keys) per trusted metadata URL. Keys are re-read every
/// <see cref="BotOptions.OpenIdMetadataRefreshInterval"/>, and sooner when a token names an unknown key.
/// </summary>
internal sealed class OpenIdMetadataProvider(IHttpClientFactory httpClientFactory, IOptions<BotOptions> options)
{
    public const string HttpClientName = "Clinic.Bot.OpenIdMetadata";

    private readonly Lazy<ConfigurationManager<OpenIdConnectConfiguration>> _botConnector =
        new(() => Create(httpClientFactory, options.Value.OpenIdMetadataUrl, options.Value.OpenIdMetadataRefreshInterval));

    private readonly Lazy<ConfigurationManager<OpenIdConnectConfiguration>> _entra =
        new(() => Create(httpClientFactory, options.Value.EmulatorOpenIdMetadataUrl, options.Value.OpenIdMetadataRefreshInterval));

    public ConfigurationManager<OpenIdConnectConfiguration> For(BotTokenSource source) =>
        source == BotTokenSource.BotConnector ? _botConnector.Value : _entra.Value;

    private static ConfigurationManager<OpenIdConnectConfiguration> Create(IHttpClientFactory factory, string url, TimeSpan refresh)
    {
        var requireHttps = !LoopbackAddress.IsLoopbackHost(new Uri(url));
        return new ConfigurationManager<OpenIdConnectConfiguration>(url, new OpenIdConnectConfigurationRetriever(), new FactoryDocumentRetriever(factory, requireHttps))
        {
            AutomaticRefreshInterval = refresh,
        };
    }

    // A fresh client per fetch, so a long-lived singleton still follows DNS changes.
    private sealed class FactoryDocumentRetriever(IHttpClientFactory factory, bool requireHttps) : IDocumentRetriever
    {
        public async Task<string> GetDocumentAsync(string address, CancellationToken cancel)
        {
            using var client = factory.CreateClient(HttpClientName);
            var retriever = new HttpDocumentRetriever(client) { RequireHttps = requireHttps };
            return await retriever.GetDocumentAsync(address, cancel).ConfigureAwait(false);
        }
    }
}
