using System.Security.Cryptography;
using System.Text;

namespace Clinic.Bot.Escalation.Webhook;

/// <summary>X-Clinic-Signature: "sha256=" and the lower-case hex HMAC-SHA256 of the raw body, keyed with the shared secret.</summary>
public static class WebhookSignature
{
    public const string SignatureHeader = "X-Clinic-Signature";
    public const string TimestampHeader = "X-Clinic-Timestamp";
    public const string IdempotencyHeader = "Idempotency-Key";

    public static string Compute(string secret, ReadOnlySpan<byte> body) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body));

    /// <summary>For receivers: true when <paramref name="header"/> is the signature of <paramref name="body"/>, compared in constant time.</summary>
    public static bool Verify(string secret, ReadOnlySpan<byte> body, string? header) =>
        header is not null
        && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Compute(secret, body)), Encoding.ASCII.GetBytes(header));
}
