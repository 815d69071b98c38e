using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace Clinic.Bot.DirectLine;

/// <summary>
/// Issues and checks conversation tokens: compact HS256 JWTs carrying the conversation id (<c>conv</c>) and the user id
/// (<c>user</c>, which Web Chat reads to know who "me" is). Only tokens this service signed are ever accepted.
/// </summary>
internal sealed class DirectLineTokenService
{
    private const string Issuer = "clinic-directline";

    // The header is fixed, so a token's header is compared byte for byte and its "alg" is never trusted.
    private static readonly string EncodedHeader = Base64Url.EncodeToString("""{"alg":"HS256","typ":"JWT"}"""u8);

    private readonly byte[] _key;
    private readonly TimeProvider _time;
    private readonly TimeSpan _lifetime;

    public DirectLineTokenService(IOptions<DirectLineOptions> options, TimeProvider time, ILogger<DirectLineTokenService> logger)
    {
        _time = time;
        _lifetime = options.Value.TokenLifetime;
        var configured = options.Value.TokenSigningKey;
        if (!string.IsNullOrWhiteSpace(configured))
        {
            _key = DirectLineOptionsValidator.DecodeKey(configured)
                ?? throw new InvalidOperationException("DirectLine:TokenSigningKey is not a valid base64 key.");
        }
        else
        {
            _key = RandomNumberGenerator.GetBytes(32);
            logger.LogWarning(
                "DirectLine:TokenSigningKey is not set: chat tokens are signed with a random per-process key. " +
                "They stop working when the app restarts, and several instances cannot share conversations. " +
                "Set DirectLine:TokenSigningKey to base64 of 32+ random bytes for production.");
        }
    }

    public TimeSpan Lifetime => _lifetime;

    /// <summary>Signs a token for <paramref name="conversationId"/> and <paramref name="userId"/> valid for the configured lifetime.</summary>
    public (string Token, DirectLineToken Grant) Issue(string conversationId, string userId)
    {
        var now = _time.GetUtcNow();
        var expires = now + _lifetime;
        var payload = JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, object>
        {
            ["iss"] = Issuer,
            ["conv"] = conversationId,
            ["user"] = userId,
            ["iat"] = now.ToUnixTimeSeconds(),
            ["exp"] = expires.ToUnixTimeSeconds(),
        });
        var unsigned = EncodedHeader + "." + Base64Url.EncodeToString(payload);
        var token = unsigned + "." + Base64Url.EncodeToString(Sign(unsigned));
        return (token, new DirectLineToken(conversationId, userId, DateTimeOffset.FromUnixTimeSeconds(expires.ToUnixTimeSeconds())));
    }

    /// <summary>Checks a token's signature, issuer and expiry.</summary>
    public TokenCheckResult Check(string? token)
    {
        if (string.IsNullOrWhiteSpace(token))
        {
            return TokenCheckResult.Missing;
        }
        var parts = token.Split('.');
        if (parts.Length != 3 || parts[0] != EncodedHeader || !Base64Url.IsValid(parts[2]))
        {
            return TokenCheckResult.Invalid;
        }
        var expected = Sign(parts[0] + "." + parts[1]);
        if (!CryptographicOperations.FixedTimeEquals(expected, Base64Url.DecodeFromChars(parts[2])))
        {
            return TokenCheckResult.Invalid;
        }
        var grant = ReadPayload(parts[1]);
        if (grant is null)
        {
            return TokenCheckResult.Invalid;
        }
        return grant.ExpiresAt <= _time.GetUtcNow() ? TokenCheckResult.Expired : new TokenCheckResult(TokenCheck.Valid, grant);
    }

    private byte[] Sign(string unsigned) => HMACSHA256.HashData(_key, Encoding.ASCII.GetBytes(unsigned));

    private static DirectLineToken? ReadPayload(string encoded)
    {
        // The signature already matched, so this only guards against our own older formats.
        try
        {
            using var json = JsonDocument.Parse(Base64Url.DecodeFromChars(encoded));
            var root = json.RootElement;
            return root.TryGetProperty("iss", out var iss) && iss.ValueEquals(Issuer)
                && root.TryGetProperty("conv", out var conv) && conv.GetString() is { Length: > 0 } conversationId
                && root.TryGetProperty("user", out var user) && user.GetString() is { Length: > 0 } userId
                && root.TryGetProperty("exp", out var exp) && exp.TryGetInt64(out var seconds)
                ? new DirectLineToken(conversationId, userId, DateTimeOffset.FromUnixTimeSeconds(seconds))
                : null;
        }
        catch (Exception ex) when (ex is JsonException or FormatException or InvalidOperationException)
        {
            return null;
        }
    }
}
