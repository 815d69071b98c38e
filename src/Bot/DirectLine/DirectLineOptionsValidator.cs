using Microsoft.Extensions.Options;

namespace Clinic.Bot.DirectLine;

internal sealed class DirectLineOptionsValidator : IValidateOptions<DirectLineOptions>
{
    public const int MinimumKeyBytes = 32;

    public ValidateOptionsResult Validate(string? name, DirectLineOptions options)
    {
        var failures = new List<string>();
        if (!string.IsNullOrWhiteSpace(options.TokenSigningKey) && DecodeKey(options.TokenSigningKey) is null)
        {
            failures.Add($"DirectLine:TokenSigningKey must be base64 of at least {MinimumKeyBytes} random bytes (e.g. `openssl rand -base64 48`).");
        }
        RequirePositive(failures, options.TokenLifetime, nameof(options.TokenLifetime));
        RequirePositive(failures, options.ConversationIdleTimeout, nameof(options.ConversationIdleTimeout));
        RequirePositive(failures, options.SweepInterval, nameof(options.SweepInterval));
        RequirePositive(failures, options.TurnTimeout, nameof(options.TurnTimeout));
        RequirePositive(failures, options.StreamHeartbeatInterval, nameof(options.StreamHeartbeatInterval));
        RequirePositive(failures, options.MaxMessageLength, nameof(options.MaxMessageLength));
        RequirePositive(failures, options.MaxRequestBodyBytes, nameof(options.MaxRequestBodyBytes));
        RequirePositive(failures, options.MaxActivitiesPerConversation, nameof(options.MaxActivitiesPerConversation));
        RequirePositive(failures, options.MaxConversationBytes, nameof(options.MaxConversationBytes));
        RequirePositive(failures, options.MaxConversations, nameof(options.MaxConversations));
        RequirePositive(failures, options.MaxPendingTurnsPerConversation, nameof(options.MaxPendingTurnsPerConversation));
        if (string.IsNullOrWhiteSpace(options.BotId))
        {
            failures.Add("DirectLine:BotId must not be empty.");
        }
        if (!options.AzureTokenEndpoint.IsAbsoluteUri || !options.AzureDomain.IsAbsoluteUri)
        {
            failures.Add("DirectLine:AzureTokenEndpoint and DirectLine:AzureDomain must be absolute URLs.");
        }
        if (options.PublicBaseUrl is { IsAbsoluteUri: false })
        {
            failures.Add("DirectLine:PublicBaseUrl must be an absolute URL such as https://chat.example.org.");
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>The key bytes, or null when the text is not base64 of a long enough key.</summary>
    public static byte[]? DecodeKey(string text)
    {
        var buffer = new byte[text.Length];
        return Convert.TryFromBase64String(text.Trim(), buffer, out var written) && written >= MinimumKeyBytes
            ? buffer[..written]
            : null;
    }

    private static void RequirePositive(List<string> failures, TimeSpan value, string name)
    {
        if (value <= TimeSpan.Zero)
        {
            failures.Add($"DirectLine:{name} must be positive.");
        }
    }

    private static void RequirePositive(List<string> failures, int value, string name)
    {
        if (value <= 0)
        {
            failures.Add($"DirectLine:{name} must be positive.");
        }
    }
}
