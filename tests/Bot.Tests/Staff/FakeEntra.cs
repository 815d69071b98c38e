using Clinic.Bot.Tests.Protocol;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Clinic.Bot.Tests.Staff;

/// <summary>
/// Stands in for Entra ID's OpenID Connect endpoints (discovery and keys) over real HTTP, and signs ID tokens the way
/// it does. The browser leg (the sign-in page) is played by the test: it takes the authorize URL the app redirects
/// to and posts back a token, as Entra's form_post response does.
/// </summary>
internal sealed class FakeEntra : IAsyncDisposable
{
    public const string TenantId = "7d1f0c7e-5a0b-4d5e-8f6a-2b3c4d5e6f70";
    private readonly LocalServer _server;

    private FakeEntra(LocalServer server) => _server = server;

    public TestSigningKey Key { get; } = new("entra-staff-key", null);

    public string Authority => $"{_server.BaseUrl}/{TenantId}/v2.0";

    public string Issuer => Authority;

    public static async Task<FakeEntra> StartAsync()
    {
        FakeEntra? self = null;
        var server = await LocalServer.StartAsync(app =>
        {
            app.MapGet($"/{TenantId}/v2.0/.well-known/openid-configuration", (HttpContext c) => Results.Json(new
            {
                issuer = self!.Issuer,
                authorization_endpoint = self.Authority + "/oauth2/v2.0/authorize",
                token_endpoint = self.Authority + "/oauth2/v2.0/token",
                jwks_uri = self.Authority + "/discovery/v2.0/keys",
                response_types_supported = new[] { "code", "id_token", "code id_token" },
                response_modes_supported = new[] { "query", "fragment", "form_post" },
                subject_types_supported = new[] { "pairwise" },
                id_token_signing_alg_values_supported = new[] { "RS256" },
                scopes_supported = new[] { "openid", "profile", "email" },
            }));
            app.MapGet($"/{TenantId}/v2.0/discovery/v2.0/keys", () => Results.Json(new { keys = new[] { self!.Key.ToJwk() } }));
        });
        self = new FakeEntra(server);
        return self;
    }

    public string IdToken(string audience, string nonce, string name, string objectId, params string[] roles)
    {
        var claims = new Dictionary<string, object>
        {
            ["nonce"] = nonce,
            ["name"] = name,
            ["oid"] = objectId,
            ["sub"] = "pairwise-" + objectId,
            ["tid"] = TenantId,
            ["preferred_username"] = "staff@clinic.example",
        };
        if (roles.Length > 0)
            claims["roles"] = roles;
        return TestTokens.Create(Key, Issuer, audience, claims);
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();
}
