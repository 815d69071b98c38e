using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;

namespace Clinic.Bot.Staff;

/// <summary>
/// The staff-key sign-in: the key is checked in constant time, then the browser holds a cookie with the name and an
/// expiry, MAC'd with a key derived from the staff key. Every instance with the same key accepts it, and changing
/// the key signs everyone out. HttpOnly, SameSite=Strict, Secure when the request is https, path /staff.
/// </summary>
internal sealed class StaffKeySession(IOptions<StaffOptions> options, TimeProvider time)
{
    public const string CookieName = "clinic-staff";
    public const int MaxNameLength = 80;

    public bool KeyMatches(string? candidate)
    {
        var key = options.Value.Key?.Trim();
        if (string.IsNullOrEmpty(key) || candidate is null)
            return false;
        // Hashing first makes both sides the same length, so the comparison time says nothing about the key.
        return CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(candidate.Trim())), SHA256.HashData(Encoding.UTF8.GetBytes(key)));
    }

    public void SignIn(HttpContext context, string name)
    {
        var expires = time.GetUtcNow() + options.Value.SessionLifetime;
        var payload = JsonSerializer.SerializeToUtf8Bytes(new Payload(name, expires.ToUnixTimeSeconds()));
        var value = WebEncoders.Base64UrlEncode(payload) + "." + WebEncoders.Base64UrlEncode(Mac(payload));
        context.Response.Cookies.Append(CookieName, value, Cookie(context, expires));
    }

    public static void SignOut(HttpContext context) => context.Response.Cookies.Delete(CookieName, Cookie(context, null));

    public StaffUser? Read(HttpContext context)
    {
        if (!options.Value.KeyEnabled || !context.Request.Cookies.TryGetValue(CookieName, out var value) || value is null)
            return null;
        var dot = value.IndexOf('.', StringComparison.Ordinal);
        if (dot <= 0)
            return null;
        try
        {
            var payload = WebEncoders.Base64UrlDecode(value[..dot]);
            if (!CryptographicOperations.FixedTimeEquals(Mac(payload), WebEncoders.Base64UrlDecode(value[(dot + 1)..])))
                return null;
            var session = JsonSerializer.Deserialize<Payload>(payload);
            return session is { N.Length: > 0 } && DateTimeOffset.FromUnixTimeSeconds(session.E) > time.GetUtcNow()
                ? new StaffUser(session.N, "key", null)
                : null;
        }
        catch (Exception e) when (e is FormatException or JsonException or ArgumentException)
        {
            return null;
        }
    }

    private byte[] Mac(byte[] payload)
    {
        var key = HKDF.DeriveKey(HashAlgorithmName.SHA256, Encoding.UTF8.GetBytes(options.Value.Key!.Trim()), 32, info: "clinic-staff-session-v1"u8.ToArray());
        return HMACSHA256.HashData(key, payload);
    }

    private static CookieOptions Cookie(HttpContext context, DateTimeOffset? expires) => new()
    {
        HttpOnly = true,
        Secure = context.Request.IsHttps,
        SameSite = SameSiteMode.Strict,
        Path = "/staff",
        Expires = expires,
        IsEssential = true,
    };

    private sealed record Payload(string N, long E);
}
