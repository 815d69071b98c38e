using System.Net;

namespace Clinic.Bot.Tests.Protocol;

/// <summary>
/// Inbound JWT validation end to end: a local OpenID metadata server (RSA keys, JWKS with endorsements),
/// the bot on Kestrel, real tokens and real forgeries over HTTP.
/// </summary>
public sealed class BotAuthenticationTests(AuthServers servers) : IClassFixture<AuthServers>, IAsyncLifetime
{
    private const string OtherAppId = "0d5e7a3b-1111-4222-8333-444455556666";
    private readonly FakeOpenIdServer _openId = servers.OpenId;
    private readonly FakeConnector _connector = servers.Connector;
    private BotTestHost _bot = null!;

    public async Task InitializeAsync() => _bot = await BotTestHost.StartAsync(_openId);

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    private string ChannelToken(
        string? issuer = null,
        string? audience = null,
        string? serviceUrl = null,
        DateTime? notBefore = null,
        DateTime? expires = null,
        TestSigningKey? key = null) =>
        TestTokens.Create(
            key ?? _openId.ChannelKey,
            issuer ?? FakeOpenIdServer.BotConnectorIssuer,
            audience ?? BotTestHost.AppId,
            new Dictionary<string, object> { ["serviceurl"] = serviceUrl ?? _connector.ServiceUrl },
            notBefore,
            expires);

    private object ChannelPayload() => new
    {
        iss = FakeOpenIdServer.BotConnectorIssuer,
        aud = BotTestHost.AppId,
        serviceurl = _connector.ServiceUrl,
        nbf = DateTimeOffset.UtcNow.AddMinutes(-1).ToUnixTimeSeconds(),
        exp = DateTimeOffset.UtcNow.AddMinutes(30).ToUnixTimeSeconds(),
    };

    private async Task<HttpResponseMessage> PostAsync(string? token, string channelId = "msteams") =>
        await _bot.PostAsync(TestActivities.Message(_connector.ServiceUrl, channelId), token);

    // Each refusal must happen for the stated reason, not by accident of some other check.
    private async Task AssertRefusedAsync(string? token, HttpStatusCode expected, string loggedReason, string channelId = "msteams")
    {
        using var response = await PostAsync(token, channelId);

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal(string.Empty, await response.Content.ReadAsStringAsync());
        Assert.Empty(_bot.Handler.Turns);
        Assert.Contains(loggedReason, _bot.Logs.All, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AcceptsAValidBotConnectorToken()
    {
        using var response = await PostAsync(ChannelToken());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Single(_bot.Handler.Turns);
    }

    [Fact]
    public async Task RejectsARequestWithoutAToken() => await AssertRefusedAsync(null, HttpStatusCode.Unauthorized, "missing or non-Bearer");

    [Fact]
    public async Task RejectsANonBearerAuthorizationHeader()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages")
        {
            Content = new StringContent(TestActivities.Message(_connector.ServiceUrl), System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.TryAddWithoutValidation("Authorization", "Basic " + ChannelToken());

        using var response = await _bot.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task RejectsGarbageInsteadOfAToken() => await AssertRefusedAsync("not.a.jwt", HttpStatusCode.Unauthorized, "not a JWT");

    [Fact]
    public async Task RejectsAWrongIssuer() =>
        await AssertRefusedAsync(ChannelToken(issuer: "https://api.botframework.com.evil.example"), HttpStatusCode.Unauthorized, "untrusted token issuer");

    [Fact]
    public async Task RejectsAWrongAudience() =>
        await AssertRefusedAsync(ChannelToken(audience: OtherAppId), HttpStatusCode.Unauthorized, "InvalidAudience");

    [Fact]
    public async Task RejectsAnExpiredToken() =>
        await AssertRefusedAsync(
            ChannelToken(notBefore: DateTime.UtcNow.AddHours(-2), expires: DateTime.UtcNow.AddMinutes(-6)),
            HttpStatusCode.Unauthorized,
            "SecurityTokenExpiredException");

    [Fact]
    public async Task AcceptsATokenExpiredWithinTheFiveMinuteClockSkew()
    {
        using var response = await PostAsync(ChannelToken(notBefore: DateTime.UtcNow.AddHours(-2), expires: DateTime.UtcNow.AddMinutes(-3)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task RejectsATokenNotYetValidBeyondTheClockSkew() =>
        await AssertRefusedAsync(
            ChannelToken(notBefore: DateTime.UtcNow.AddMinutes(7), expires: DateTime.UtcNow.AddHours(1)),
            HttpStatusCode.Unauthorized,
            "SecurityTokenNotYetValidException");

    [Fact]
    public async Task RejectsAChannelTheSigningKeyIsNotEndorsedFor() =>
        await AssertRefusedAsync(ChannelToken(), HttpStatusCode.Forbidden, "not endorsed", channelId: "slack");

    [Fact]
    public async Task RejectsAnActivityWhoseServiceUrlDiffersFromTheTokens() =>
        await AssertRefusedAsync(ChannelToken(serviceUrl: "https://smba.trafficmanager.net/emea/"), HttpStatusCode.Forbidden, "serviceurl claim does not match");

    [Fact]
    public async Task RejectsAnUnsignedToken() =>
        await AssertRefusedAsync(TestTokens.Unsigned(_openId.ChannelKey.KeyId, ChannelPayload()), HttpStatusCode.Unauthorized, "not RS256");

    [Fact]
    public async Task RejectsHs256SignedWithThePublicKey() =>
        await AssertRefusedAsync(TestTokens.HmacWithPublicKey(_openId.ChannelKey, ChannelPayload()), HttpStatusCode.Unauthorized, "not RS256");

    [Fact]
    public async Task RejectsATamperedSignature() =>
        await AssertRefusedAsync(TestTokens.TamperSignature(ChannelToken()), HttpStatusCode.Unauthorized, "InvalidSignature");

    [Fact]
    public async Task RejectsAKeyIdTheMetadataDoesNotList()
    {
        await AssertRefusedAsync(ChannelToken(key: new TestSigningKey("attacker-key", ["msteams"])), HttpStatusCode.Unauthorized, "SignatureKeyNotFound");
    }

    [Fact]
    public async Task RejectsABotConnectorIssuerSignedWithAnEntraKey() =>
        await AssertRefusedAsync(ChannelToken(key: _openId.EntraKey), HttpStatusCode.Unauthorized, "SignatureKeyNotFound");

    [Fact]
    public async Task RejectsAServiceUrlClaimThatIsNotAString()
    {
        var token = TestTokens.Create(_openId.ChannelKey, FakeOpenIdServer.BotConnectorIssuer, BotTestHost.AppId, new Dictionary<string, object> { ["serviceurl"] = 5 });

        await AssertRefusedAsync(token, HttpStatusCode.Forbidden, "serviceurl claim does not match");
    }

    [Fact]
    public async Task RejectsAnEntraTokenWithOddlyTypedClaims()
    {
        var token = TestTokens.Create(_openId.EntraKey, FakeOpenIdServer.EmulatorIssuerV1, BotTestHost.AppId, new Dictionary<string, object> { ["ver"] = 1, ["appid"] = new[] { BotTestHost.AppId } });

        using var response = await PostAsync(token, "emulator");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(_bot.Handler.Turns);
    }

    [Fact]
    public async Task LogsWhyItRefusedButNeverTheMessageText()
    {
        using var response = await PostAsync(ChannelToken(serviceUrl: "https://elsewhere.example/"));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("serviceurl", _bot.Logs.All, StringComparison.Ordinal);
        Assert.DoesNotContain(TestActivities.SecretText, _bot.Logs.All, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(FakeOpenIdServer.EmulatorIssuerV1, "1.0", "appid")]
    [InlineData(FakeOpenIdServer.EmulatorIssuerV2, "2.0", "azp")]
    public async Task AcceptsAnEmulatorTokenForThisBot(string issuer, string version, string appIdClaim)
    {
        var token = TestTokens.Create(_openId.EntraKey, issuer, BotTestHost.AppId, new Dictionary<string, object> { ["ver"] = version, [appIdClaim] = BotTestHost.AppId });

        using var response = await _bot.PostAsync(TestActivities.Message(_connector.ServiceUrl, "emulator"), token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData(FakeOpenIdServer.EmulatorIssuerV1, "1.0", "appid")]
    [InlineData(FakeOpenIdServer.EmulatorIssuerV2, "2.0", "azp")]
    [InlineData(FakeOpenIdServer.EmulatorIssuerV2, "3.0", "azp")]
    public async Task RejectsAnEntraTokenIssuedToAnotherApp(string issuer, string version, string appIdClaim)
    {
        var callerAppId = version == "3.0" ? BotTestHost.AppId : OtherAppId;
        var token = TestTokens.Create(_openId.EntraKey, issuer, BotTestHost.AppId, new Dictionary<string, object> { ["ver"] = version, [appIdClaim] = callerAppId });

        await AssertRefusedAsync(token, HttpStatusCode.Unauthorized, version == "3.0" ? "unknown Entra token version" : $"{appIdClaim} claim is not", "emulator");
    }

    [Fact]
    public async Task RejectsAnEntraTokenSignedWithTheBotConnectorKey()
    {
        var token = TestTokens.Create(_openId.ChannelKey, FakeOpenIdServer.EmulatorIssuerV1, BotTestHost.AppId, new Dictionary<string, object> { ["ver"] = "1.0", ["appid"] = BotTestHost.AppId });

        await AssertRefusedAsync(token, HttpStatusCode.Unauthorized, "SignatureKeyNotFound", "emulator");
    }

    [Fact]
    public async Task RejectsAnEntraTokenFromATenantThatIsNotConfigured()
    {
        var token = TestTokens.Create(_openId.EntraKey, "https://sts.windows.net/11111111-2222-4333-8444-555555555555/", BotTestHost.AppId, new Dictionary<string, object> { ["ver"] = "1.0", ["appid"] = BotTestHost.AppId });

        await AssertRefusedAsync(token, HttpStatusCode.Unauthorized, "untrusted token issuer", "emulator");
    }
}

/// <summary>The metadata server and connector are shared by the class (keys are costly to make); each test gets its own bot.</summary>
public sealed class AuthServers : IAsyncLifetime
{
    internal FakeOpenIdServer OpenId { get; private set; } = null!;

    internal FakeConnector Connector { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        OpenId = await FakeOpenIdServer.StartAsync();
        Connector = await FakeConnector.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await Connector.DisposeAsync();
        await OpenId.DisposeAsync();
    }
}
