using System.Buffers.Text;
using System.Security.Cryptography;

namespace Clinic.Bot.DirectLine;

/// <summary>Random, unguessable ids for conversations and anonymous visitors.</summary>
internal static class Identifiers
{
    public static string NewConversationId() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(16));

    // "dl_" marks a user id the service put into the token, which Web Chat and DirectLineJS then refuse to override.
    public static string NewUserId() => "dl_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12));

    public static string ActivityId(string conversationId, long sequence) => $"{conversationId}|{sequence:D7}";

    /// <summary>Conversation ids in URLs: our own ids are 22 base64url characters; Azure-style ids are accepted too.</summary>
    public static bool IsWellFormedConversationId(string? id) =>
        id is { Length: > 0 and <= 128 } && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
}
