using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Clinic.Bot.Tests.Protocol;

/// <summary>
/// Stands in for login.botframework.com and the Entra metadata endpoint: OpenID configuration documents and
/// JWKS (with Bot Framework "endorsements") for freshly generated RSA keys, served over real HTTP.
/// </summary>
internal sealed class FakeOpenIdServer : IAsyncDisposable
{
    public const string BotConnectorIssuer = "https://api.botframework.com";
    public const string EmulatorIssuerV1 = "https://sts.windows.net/d6d49420-f39b-4df7-a1dc-d59a935871db/";
    public const string EmulatorIssuerV2 = "https://login.microsoftonline.com/f8cdef31-a31e-4b4a-93e4-5f571e91255a/v2.0";

    private readonly LocalServer _server;
    private int _keyRequests;

    private FakeOpenIdServer(LocalServer server) => _server = server;

    /// <summary>The Bot Connector's key, endorsed for msteams, webchat and emulator only.</summary>
    public TestSigningKey ChannelKey { get; } = new("bf-key-1", ["msteams", "webchat", "emulator"]);

    /// <summary>An Entra key (no endorsements), served from the Emulator metadata.</summary>
    public TestSigningKey EntraKey { get; } = new("entra-key-1", null);

    public string ChannelMetadataUrl => _server.BaseUrl + "/v1/.well-known/openidconfiguration";

    public string EntraMetadataUrl => _server.BaseUrl + "/botframework.com/v2.0/.well-known/openid-configuration";

    public int KeyRequests => Volatile.Read(ref _keyRequests);

    public static async Task<FakeOpenIdServer> StartAsync()
    {
        FakeOpenIdServer? self = null;
        var server = await LocalServer.StartAsync(app =>
        {
            app.MapGet("/v1/.well-known/openidconfiguration", (HttpContext c) => Results.Json(new
            {
                issuer = BotConnectorIssuer,
                authorization_endpoint = "https://invalid.botframework.com",
                jwks_uri = $"{c.Request.Scheme}://{c.Request.Host}/v1/.well-known/keys",
                id_token_signing_alg_values_supported = new[] { "RS256" },
                token_endpoint_auth_methods_supported = new[] { "private_key_jwt" },
            }));
            app.MapGet("/v1/.well-known/keys", () =>
            {
                Interlocked.Increment(ref self!._keyRequests);
                return Results.Json(new { keys = new[] { self.ChannelKey.ToJwk() } });
            });
            app.MapGet("/botframework.com/v2.0/.well-known/openid-configuration", (HttpContext c) => Results.Json(new
            {
                issuer = "https://login.microsoftonline.com/d6d49420-f39b-4df7-a1dc-d59a935871db/v2.0",
                authorization_endpoint = "https://login.microsoftonline.com/common/oauth2/v2.0/authorize",
                token_endpoint = "https://login.microsoftonline.com/common/oauth2/v2.0/token",
                jwks_uri = $"{c.Request.Scheme}://{c.Request.Host}/common/discovery/v2.0/keys",
                id_token_signing_alg_values_supported = new[] { "RS256" },
            }));
            app.MapGet("/common/discovery/v2.0/keys", () => Results.Json(new { keys = new[] { self!.EntraKey.ToJwk() } }));
        });
        self = new FakeOpenIdServer(server);
        return self;
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();
}

/// <summary>An RSA signing key with a kid, its public JWK, and the channels it is endorsed for.</summary>
internal sealed class TestSigningKey(string keyId, string[]? endorsements)
{
    public string KeyId { get; } = keyId;

    public RSA Rsa { get; } = RSA.Create(2048);

    public object ToJwk()
    {
        var p = Rsa.ExportParameters(false);
        var jwk = new Dictionary<string, object>
        {
            ["kty"] = "RSA",
            ["use"] = "sig",
            ["kid"] = KeyId,
            ["n"] = Base64UrlEncoder.Encode(p.Modulus!),
            ["e"] = Base64UrlEncoder.Encode(p.Exponent!),
        };
        if (endorsements is not null)
        {
            jwk["endorsements"] = endorsements;
        }

        return jwk;
    }

    public string PublicKeyPem() => Rsa.ExportSubjectPublicKeyInfoPem();
}

/// <summary>Builds tokens the way the Bot Connector and Entra do, and the forgeries an attacker would try.</summary>
internal static class TestTokens
{
    public static string Create(
        TestSigningKey key,
        string issuer,
        string audience,
        IDictionary<string, object>? claims = null,
        DateTime? notBefore = null,
        DateTime? expires = null)
    {
        var now = DateTime.UtcNow;
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            NotBefore = notBefore ?? now.AddMinutes(-1),
            IssuedAt = notBefore ?? now.AddMinutes(-1),
            Expires = expires ?? now.AddMinutes(30),
            Claims = claims,
            SigningCredentials = new SigningCredentials(new RsaSecurityKey(key.Rsa) { KeyId = key.KeyId }, SecurityAlgorithms.RsaSha256),
        };
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(descriptor);
    }

    public static string Unsigned(string keyId, object payload) =>
        Segment(new { alg = "none", typ = "JWT", kid = keyId }) + "." + Segment(payload) + ".";

    /// <summary>HS256 with the RSA public key (PEM text) as the HMAC secret: the classic key-confusion forgery.</summary>
    public static string HmacWithPublicKey(TestSigningKey key, object payload)
    {
        var signingInput = Segment(new { alg = "HS256", typ = "JWT", kid = key.KeyId }) + "." + Segment(payload);
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(key.PublicKeyPem()), Encoding.ASCII.GetBytes(signingInput));
        return signingInput + "." + Base64UrlEncoder.Encode(mac);
    }

    public static string TamperSignature(string token)
    {
        var chars = token.ToCharArray();
        var middleOfSignature = token.LastIndexOf('.') + ((token.Length - token.LastIndexOf('.')) / 2);
        chars[middleOfSignature] = chars[middleOfSignature] == 'A' ? 'B' : 'A';
        return new string(chars);
    }

    private static string Segment(object value) => Base64UrlEncoder.Encode(JsonSerializer.SerializeToUtf8Bytes(value));
}
