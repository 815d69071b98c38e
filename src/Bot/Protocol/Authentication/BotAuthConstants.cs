namespace Clinic.Bot.Protocol.Authentication;

/// <summary>Values fixed by the Bot Connector authentication spec (bot-framework-rest-connector-authentication).</summary>
internal static class BotAuthConstants
{
    public const string BotConnectorIssuer = "https://api.botframework.com";
    public const string ServiceUrlClaim = "serviceurl";
    public const string VersionClaim = "ver";
    public const string AppIdClaim = "appid";
    public const string AuthorizedPartyClaim = "azp";
    public const string EndorsementsProperty = "endorsements";
    public static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);
    public static readonly string[] AllowedAlgorithms = ["RS256"];

    // Tenants whose Entra tokens the Emulator presents (protocol v3.1 and v3.2, token versions 1.0 and 2.0).
    private static readonly string[] EmulatorIssuers =
    [
        "https://sts.windows.net/d6d49420-f39b-4df7-a1dc-d59a935871db/",
        "https://login.microsoftonline.com/d6d49420-f39b-4df7-a1dc-d59a935871db/v2.0",
        "https://sts.windows.net/f8cdef31-a31e-4b4a-93e4-5f571e91255a/",
        "https://login.microsoftonline.com/f8cdef31-a31e-4b4a-93e4-5f571e91255a/v2.0",
    ];

    /// <summary>Issuers of Entra tokens: the Emulator's, plus the bot's own tenant (single-tenant and MSI bots).</summary>
    public static HashSet<string> EntraIssuers(string? tenantId)
    {
        var issuers = new HashSet<string>(EmulatorIssuers, StringComparer.Ordinal);
        if (Guid.TryParse(tenantId, out var tenant))
        {
            issuers.Add($"https://sts.windows.net/{tenant:D}/");
            issuers.Add($"https://login.microsoftonline.com/{tenant:D}/v2.0");
        }

        return issuers;
    }
}
