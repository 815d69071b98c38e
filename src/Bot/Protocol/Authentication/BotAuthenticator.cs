using System.Net;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace Clinic.Bot.Protocol.Authentication;

/// <summary>
/// Checks the Bearer token on a request to the messaging endpoint, following the Bot Connector authentication
/// spec: Bot Connector tokens (issuer https://api.botframework.com, keys from its OpenID metadata, serviceurl
/// claim, key endorsements) and Entra tokens (Emulator and the bot's own tenant; appid/azp must be the bot).
/// </summary>
internal sealed class BotAuthenticator(OpenIdMetadataProvider metadata, IOptions<BotOptions> options)
{
    private static readonly JsonWebTokenHandler Handler = new() { MapInboundClaims = false };

    /// <summary>Step one, before the body is trusted: who signed the token. Never throws for a bad token.</summary>
    /// <param name="authorizationHeader">The raw Authorization header.</param>
    /// <param name="remoteAddress">The caller's address as the server sees it.</param>
    /// <param name="forwarded">The request names a client behind a proxy or tunnel (X-Forwarded-For, Forwarded).</param>
    /// <param name="cancellationToken">Cancels metadata fetches.</param>
    public async Task<BotAuthResult> AuthenticateAsync(string? authorizationHeader, IPAddress? remoteAddress, bool forwarded, CancellationToken cancellationToken)
    {
        try
        {
            return await AuthenticateCoreAsync(authorizationHeader, remoteAddress, forwarded, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Fail closed: a token that trips the parser is refused like any other bad token.
            return BotAuthResult.Unauthorized($"the token could not be processed ({ex.GetType().Name})");
        }
    }

    private async Task<BotAuthResult> AuthenticateCoreAsync(string? authorizationHeader, IPAddress? remoteAddress, bool forwarded, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (!settings.IsAuthenticationEnabled)
        {
            // A local reverse proxy or tunnel (ngrok, dev tunnels) makes remote callers look like loopback.
            return LoopbackAddress.IsLoopback(remoteAddress) && !forwarded
                ? BotAuthResult.Anonymous()
                : BotAuthResult.Unauthorized("no app id configured and the caller is not on loopback (or came through a proxy)");
        }

        if (!TryGetBearerToken(authorizationHeader, out var token))
        {
            return BotAuthResult.Unauthorized("missing or non-Bearer Authorization header");
        }

        JsonWebToken jwt;
        try
        {
            jwt = Handler.ReadJsonWebToken(token);
        }
        catch (Exception ex) when (ex is ArgumentException or SecurityTokenMalformedException)
        {
            return BotAuthResult.Unauthorized("the token is not a JWT");
        }

        // Checked before any key lookup: "none" and HS256-with-the-public-key never reach signature code.
        if (!BotAuthConstants.AllowedAlgorithms.Contains(jwt.Alg, StringComparer.Ordinal))
        {
            return BotAuthResult.Unauthorized("the token's signing algorithm is not RS256");
        }

        var entraIssuers = BotAuthConstants.EntraIssuers(settings.MicrosoftAppTenantId);
        BotTokenSource source;
        if (string.Equals(jwt.Issuer, BotAuthConstants.BotConnectorIssuer, StringComparison.Ordinal))
        {
            source = BotTokenSource.BotConnector;
        }
        else if (entraIssuers.Contains(jwt.Issuer))
        {
            source = BotTokenSource.Entra;
        }
        else
        {
            return BotAuthResult.Unauthorized("untrusted token issuer");
        }

        var manager = metadata.For(source);
        string[] issuers = source == BotTokenSource.BotConnector ? [BotAuthConstants.BotConnectorIssuer] : [.. entraIssuers];
        OpenIdConnectConfiguration configuration;
        TokenValidationResult result;
        try
        {
            configuration = await manager.GetConfigurationAsync(cancellationToken).ConfigureAwait(false);
            result = await Handler.ValidateTokenAsync(token, Parameters(settings.MicrosoftAppId!, issuers, configuration)).ConfigureAwait(false);
            if (!result.IsValid && result.Exception is SecurityTokenSignatureKeyNotFoundException)
            {
                // Unknown kid: the keys may have rolled over. The manager refetches (rate-limited, and possibly in
                // the background, in which case the next request sees the new keys); retry only on fresh keys.
                manager.RequestRefresh();
                var refreshed = await manager.GetConfigurationAsync(cancellationToken).ConfigureAwait(false);
                if (!ReferenceEquals(refreshed, configuration))
                {
                    configuration = refreshed;
                    result = await Handler.ValidateTokenAsync(token, Parameters(settings.MicrosoftAppId!, issuers, configuration)).ConfigureAwait(false);
                }
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return BotAuthResult.Unavailable($"OpenID metadata for {source} could not be read ({ex.GetType().Name})");
        }

        if (!result.IsValid)
        {
            return BotAuthResult.Unauthorized($"token rejected ({result.Exception?.GetType().Name ?? "unknown"})");
        }

        if (source == BotTokenSource.Entra)
        {
            var appIdProblem = CheckEntraAppId(jwt, settings.MicrosoftAppId!);
            return appIdProblem is null
                ? new BotAuthResult(BotAuthStatus.Authenticated, "valid Entra token", source)
                : BotAuthResult.Unauthorized(appIdProblem);
        }

        jwt.TryGetPayloadValue<string>(BotAuthConstants.ServiceUrlClaim, out var serviceUrl);
        return new BotAuthResult(
            BotAuthStatus.Authenticated,
            "valid Bot Connector token",
            source,
            serviceUrl,
            SigningKeyEndorsements.For(configuration, jwt.Kid));
    }

    /// <summary>Step two, once the body is parsed: the token must vouch for this activity's serviceUrl and channel.</summary>
    public static BotAuthResult Authorize(BotAuthResult authentication, Activity activity)
    {
        if (authentication.Status != BotAuthStatus.Authenticated || authentication.Source != BotTokenSource.BotConnector)
        {
            return authentication;
        }

        if (string.IsNullOrEmpty(authentication.ServiceUrlClaim)
            || !string.Equals(authentication.ServiceUrlClaim, activity.ServiceUrl, StringComparison.OrdinalIgnoreCase))
        {
            return BotAuthResult.Forbidden("the token's serviceurl claim does not match the activity's serviceUrl");
        }

        if (string.IsNullOrEmpty(activity.ChannelId) || authentication.Endorsements?.Contains(activity.ChannelId) != true)
        {
            return BotAuthResult.Forbidden("the signing key is not endorsed for the activity's channelId");
        }

        return authentication;
    }

    private static TokenValidationParameters Parameters(string appId, string[] issuers, OpenIdConnectConfiguration configuration) => new()
    {
        ValidateIssuer = true,
        ValidIssuers = issuers,
        ValidateAudience = true,
        ValidAudience = appId,
        ValidateLifetime = true,
        RequireExpirationTime = true,
        ClockSkew = BotAuthConstants.ClockSkew,
        RequireSignedTokens = true,
        ValidateIssuerSigningKey = true,
        IssuerSigningKeys = configuration.SigningKeys,
        TryAllIssuerSigningKeys = false,
        ValidAlgorithms = BotAuthConstants.AllowedAlgorithms,
    };

    // The Emulator and Entra put the caller's app id in "appid" (token version 1.0) or "azp" (2.0):
    // it must be this bot, or any app that can get a token for our audience could talk to us.
    private static string? CheckEntraAppId(JsonWebToken jwt, string appId)
    {
        jwt.TryGetPayloadValue<string>(BotAuthConstants.VersionClaim, out var version);
        var claim = version switch
        {
            null or "" or "1.0" => BotAuthConstants.AppIdClaim,
            "2.0" => BotAuthConstants.AuthorizedPartyClaim,
            _ => null,
        };
        if (claim is null)
        {
            return "unknown Entra token version";
        }

        return jwt.TryGetPayloadValue<string>(claim, out var caller) && string.Equals(caller, appId, StringComparison.OrdinalIgnoreCase)
            ? null
            : $"the token's {claim} claim is not this bot's app id";
    }

    private static bool TryGetBearerToken(string? header, out string token)
    {
        token = string.Empty;
        if (string.IsNullOrEmpty(header) || !header.StartsWith("Bearer ", StringComparison.Ordinal))
        {
            return false;
        }

        token = header["Bearer ".Length..].Trim();
        return token.Length > 0 && !token.Contains(' ', StringComparison.Ordinal);
    }
}
