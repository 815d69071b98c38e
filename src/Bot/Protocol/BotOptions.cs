namespace Clinic.Bot.Protocol;

/// <summary>Bot Framework identity and protocol settings, bound from the "Bot" configuration section.</summary>
public sealed class BotOptions
{
    public const string SectionName = "Bot";
    public const string DefaultOpenIdMetadataUrl = "https://login.botframework.com/v1/.well-known/openidconfiguration";
    public const string DefaultEmulatorOpenIdMetadataUrl = "https://login.microsoftonline.com/botframework.com/v2.0/.well-known/openid-configuration";
    public const string DefaultOAuthScope = "https://api.botframework.com/.default";

    /// <summary>The Azure Bot's app (client) id. Empty means local development: no auth, loopback callers only.</summary>
    public string? MicrosoftAppId { get; set; }

    /// <summary>Client secret for MultiTenant and SingleTenant.</summary>
    public string? MicrosoftAppPassword { get; set; }

    /// <summary>MultiTenant, SingleTenant or UserAssignedMSI.</summary>
    public string MicrosoftAppType { get; set; } = nameof(BotAppType.MultiTenant);

    /// <summary>The bot's home tenant (GUID); required for SingleTenant and UserAssignedMSI.</summary>
    public string? MicrosoftAppTenantId { get; set; }

    /// <summary>OpenID metadata for tokens the Bot Connector service signs.</summary>
    public string OpenIdMetadataUrl { get; set; } = DefaultOpenIdMetadataUrl;

    /// <summary>OpenID metadata for Entra ID tokens (Emulator, single-tenant).</summary>
    public string EmulatorOpenIdMetadataUrl { get; set; } = DefaultEmulatorOpenIdMetadataUrl;

    /// <summary>Authority the bot gets its outbound token from. Empty: https://login.microsoftonline.com/botframework.com (MultiTenant) or .../{tenant} (SingleTenant).</summary>
    public string? ToChannelFromBotLoginUrl { get; set; }

    public string ToChannelFromBotOAuthScope { get; set; } = DefaultOAuthScope;

    /// <summary>How often signing keys are re-read even when nothing fails. At most a day.</summary>
    public TimeSpan OpenIdMetadataRefreshInterval { get; set; } = TimeSpan.FromHours(12);

    public int MaxRequestBodyBytes { get; set; } = 256 * 1024;

    /// <summary>How long an inbound activity id is remembered so a redelivery is not processed twice.</summary>
    public TimeSpan DeduplicationWindow { get; set; } = TimeSpan.FromMinutes(10);

    public ConnectorRetryOptions Connector { get; set; } = new();

    public bool IsAuthenticationEnabled => !string.IsNullOrWhiteSpace(MicrosoftAppId);

    /// <summary>The parsed <see cref="MicrosoftAppType"/>; null when it is not one of the known values.</summary>
    public BotAppType? AppType =>
        Enum.TryParse<BotAppType>(MicrosoftAppType, ignoreCase: true, out var type) && Enum.IsDefined(type) ? type : null;
}

public enum BotAppType
{
    MultiTenant,
    SingleTenant,
    UserAssignedMSI,
}
