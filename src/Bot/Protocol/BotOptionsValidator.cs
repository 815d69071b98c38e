using Microsoft.Extensions.Options;

namespace Clinic.Bot.Protocol;

/// <summary>Fails start-up with the fix in the message, instead of failing the first real request.</summary>
internal sealed class BotOptionsValidator : IValidateOptions<BotOptions>
{
    private const string Hint = " See appsettings.sample.json.";

    public ValidateOptionsResult Validate(string? name, BotOptions options)
    {
        var failures = new List<string>();
        var appType = options.AppType;
        if (appType is null)
        {
            failures.Add($"Bot:MicrosoftAppType '{options.MicrosoftAppType}' is not MultiTenant, SingleTenant or UserAssignedMSI." + Hint);
        }

        if (options.IsAuthenticationEnabled)
        {
            if (!Guid.TryParse(options.MicrosoftAppId, out _))
            {
                failures.Add("Bot:MicrosoftAppId must be the Azure Bot's app (client) id, a GUID." + Hint);
            }

            if (appType is BotAppType.SingleTenant or BotAppType.UserAssignedMSI && string.IsNullOrWhiteSpace(options.MicrosoftAppTenantId))
            {
                failures.Add("Missing Bot:MicrosoftAppTenantId." + Hint);
            }

            if (!string.IsNullOrWhiteSpace(options.MicrosoftAppTenantId) && !Guid.TryParse(options.MicrosoftAppTenantId, out _))
            {
                failures.Add("Bot:MicrosoftAppTenantId must be the tenant id, a GUID." + Hint);
            }

            if (appType is BotAppType.MultiTenant or BotAppType.SingleTenant && string.IsNullOrWhiteSpace(options.MicrosoftAppPassword))
            {
                failures.Add("Missing Bot:MicrosoftAppPassword (the client secret; keep it in user secrets or the environment, not in appsettings)." + Hint);
            }
        }
        else if (!string.IsNullOrWhiteSpace(options.MicrosoftAppPassword))
        {
            failures.Add("Bot:MicrosoftAppPassword is set but Bot:MicrosoftAppId is empty: set both, or neither for local development." + Hint);
        }

        CheckUrl(failures, "Bot:OpenIdMetadataUrl", options.OpenIdMetadataUrl);
        CheckUrl(failures, "Bot:EmulatorOpenIdMetadataUrl", options.EmulatorOpenIdMetadataUrl);
        if (!string.IsNullOrWhiteSpace(options.ToChannelFromBotLoginUrl))
        {
            CheckUrl(failures, "Bot:ToChannelFromBotLoginUrl", options.ToChannelFromBotLoginUrl);
        }

        if (string.IsNullOrWhiteSpace(options.ToChannelFromBotOAuthScope))
        {
            failures.Add("Bot:ToChannelFromBotOAuthScope is empty; the default is " + BotOptions.DefaultOAuthScope + ".");
        }

        if (options.OpenIdMetadataRefreshInterval <= TimeSpan.Zero || options.OpenIdMetadataRefreshInterval > TimeSpan.FromDays(1))
        {
            failures.Add("Bot:OpenIdMetadataRefreshInterval must be more than zero and at most 1.00:00:00 (signing keys roll over).");
        }

        if (options.MaxRequestBodyBytes <= 0)
        {
            failures.Add("Bot:MaxRequestBodyBytes must be positive.");
        }

        if (options.DeduplicationWindow <= TimeSpan.Zero)
        {
            failures.Add("Bot:DeduplicationWindow must be positive.");
        }

        var retry = options.Connector;
        if (retry.MaxAttempts < 1 || retry.BaseDelay < TimeSpan.Zero || retry.MaxDelay < retry.BaseDelay
            || retry.MaxRetryAfter < TimeSpan.Zero || retry.Timeout <= TimeSpan.Zero)
        {
            failures.Add("Bot:Connector needs MaxAttempts >= 1, 0 <= BaseDelay <= MaxDelay, MaxRetryAfter >= 0 and Timeout > 0.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void CheckUrl(List<string> failures, string key, string? value)
    {
        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || !LoopbackAddress.IsHttpsOrLoopbackHttp(uri))
        {
            failures.Add($"{key} must be an absolute https URL (plain http only for 127.0.0.1/localhost).");
        }
    }
}
