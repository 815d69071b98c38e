using System.Net.Mail;
using Clinic.Bot.Escalation.Email;
using Clinic.Bot.Protocol;
using Microsoft.Extensions.Options;

namespace Clinic.Bot.Escalation;

/// <summary>Checks <see cref="EscalationOptions"/> at start; every message names the key and the fix.</summary>
internal sealed class EscalationOptionsValidator(IOptions<BotOptions> bot) : IValidateOptions<EscalationOptions>
{
    public ValidateOptionsResult Validate(string? name, EscalationOptions o)
    {
        var errors = new List<string>();
        void Positive(TimeSpan value, string key)
        {
            if (value <= TimeSpan.Zero)
                errors.Add($"Escalation:{key} must be a positive time span such as 00:00:05.");
        }

        Positive(o.PollInterval, nameof(o.PollInterval));
        Positive(o.Lease, nameof(o.Lease));
        Positive(o.DeliveryTimeout, nameof(o.DeliveryTimeout));
        Positive(o.RetryBaseDelay, nameof(o.RetryBaseDelay));
        Positive(o.CrisisAckTimeout, nameof(o.CrisisAckTimeout));
        Positive(o.CrisisCheckInterval, nameof(o.CrisisCheckInterval));
        Positive(o.StoreRetryMaxDelay, nameof(o.StoreRetryMaxDelay));
        if (o.StartDelay < TimeSpan.Zero)
            errors.Add("Escalation:StartDelay must not be negative; leave it out to start at once.");
        if (o.RetryMaxDelay < o.RetryBaseDelay)
            errors.Add("Escalation:RetryMaxDelay must be at least Escalation:RetryBaseDelay.");
        if (o.BatchSize is < 1 or > 500)
            errors.Add("Escalation:BatchSize must be between 1 and 500.");
        if (o.MaxAttempts is < 1 or > 1000)
            errors.Add("Escalation:MaxAttempts must be between 1 and 1000.");
        if (o.Lease <= o.DeliveryTimeout)
            errors.Add("Escalation:Lease must be longer than Escalation:DeliveryTimeout, or another instance could send the same alert while the first is still sending.");
        if (o.StaffPageUrl is { Length: > 0 } page && !IsHttpUrl(page, requireHttpsOffLoopback: true))
            errors.Add("Escalation:StaffPageUrl must be an absolute https URL such as https://bot.clinic.example/staff.");
        ValidateTeams(o, errors);
        ValidateEmail(o.Email, errors);
        ValidateWebhook(o, errors);
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private void ValidateTeams(EscalationOptions o, List<string> errors)
    {
        var t = o.Teams;
        if (!t.IsConfigured)
        {
            if (!string.IsNullOrWhiteSpace(t.ServiceUrl) || !string.IsNullOrWhiteSpace(t.TenantId))
                errors.Add("Escalation:Teams:ChannelId is missing: set it to the staff channel's id (19:...@thread.tacv2), or remove the other Escalation:Teams settings.");
            return;
        }

        if (!t.ChannelId!.StartsWith("19:", StringComparison.Ordinal) || t.ChannelId.Contains(";messageid=", StringComparison.Ordinal))
            errors.Add("Escalation:Teams:ChannelId must be a channel id such as 19:abc@thread.tacv2 (without ;messageid=...).");
        if (string.IsNullOrWhiteSpace(t.ServiceUrl) || !Uri.TryCreate(t.ServiceUrl, UriKind.Absolute, out var serviceUrl) || !LoopbackAddress.IsHttpsOrLoopbackHttp(serviceUrl))
        {
            errors.Add("Escalation:Teams:ServiceUrl must be the https Bot Connector URL of the staff team's region, e.g. https://smba.trafficmanager.net/teams/ (it is the serviceUrl of any activity from that team).");
        }
        else if (!bot.Value.IsAuthenticationEnabled && !LoopbackAddress.IsLoopbackHost(serviceUrl))
        {
            errors.Add("The Teams staff sink needs Bot:MicrosoftAppId (and its credential) to post to Teams; set them or remove Escalation:Teams.");
        }

        if (!Guid.TryParse(t.TenantId, out _))
            errors.Add("Escalation:Teams:TenantId must be the staff team's tenant id (a GUID).");
    }

    private static void ValidateEmail(EmailSinkOptions e, List<string> errors)
    {
        if (!e.IsConfigured)
        {
            if (!string.IsNullOrWhiteSpace(e.To) || !string.IsNullOrWhiteSpace(e.From))
                errors.Add("Escalation:Email:Host is missing: set it to the SMTP server, or remove the other Escalation:Email settings.");
            return;
        }

        if (e.Port is < 1 or > 65535)
            errors.Add("Escalation:Email:Port must be a TCP port (587 for StartTls, 465 for Tls).");
        if (!Enum.IsDefined(e.Security))
            errors.Add("Escalation:Email:Security must be StartTls, Tls or None.");
        if (e.Security == SmtpSecurity.None && !IsLoopbackHost(e.Host!))
            errors.Add("Escalation:Email:Security None sends alerts unencrypted; it is only allowed to a relay on this machine. Use StartTls (port 587) or Tls (port 465).");
        if (!TryAddress(e.From))
            errors.Add("Escalation:Email:From must be one email address, e.g. \"Clinic bot <bot@clinic.example>\".");
        if (EmailAddresses.Split(e.To) is not { Count: > 0 } to || to.Any(a => !TryAddress(a)))
            errors.Add("Escalation:Email:To must list the on-call addresses, separated by commas.");
        if (!string.IsNullOrEmpty(e.Username) && string.IsNullOrEmpty(e.Password))
            errors.Add("Escalation:Email:Password is missing for Escalation:Email:Username; set it (from a secret store) or remove the username.");
        if (e.Timeout <= TimeSpan.Zero)
            errors.Add("Escalation:Email:Timeout must be positive.");
    }

    private static void ValidateWebhook(EscalationOptions o, List<string> errors)
    {
        var w = o.Webhook;
        if (!w.IsConfigured)
        {
            if (!string.IsNullOrWhiteSpace(w.Secret))
                errors.Add("Escalation:Webhook:Url is missing: set it, or remove Escalation:Webhook:Secret.");
            return;
        }

        if (!IsHttpUrl(w.Url!, requireHttpsOffLoopback: true))
            errors.Add("Escalation:Webhook:Url must be an absolute https URL (plain http only to this machine).");
        if (string.IsNullOrEmpty(w.Secret) || w.Secret.Length < 32)
            errors.Add("Escalation:Webhook:Secret must be at least 32 characters; generate one with `openssl rand -hex 32` and give the receiver the same value.");
        if (w.Timeout <= TimeSpan.Zero || w.Timeout >= o.DeliveryTimeout)
            errors.Add("Escalation:Webhook:Timeout must be positive and shorter than Escalation:DeliveryTimeout.");
    }

    private static bool IsHttpUrl(string value, bool requireHttpsOffLoopback) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri)
        && (requireHttpsOffLoopback ? LoopbackAddress.IsHttpsOrLoopbackHttp(uri) : uri.Scheme is "http" or "https");

    private static bool IsLoopbackHost(string host) =>
        host.Equals("localhost", StringComparison.OrdinalIgnoreCase)
        || (System.Net.IPAddress.TryParse(host, out var ip) && LoopbackAddress.IsLoopback(ip));

    private static bool TryAddress(string? value) => !string.IsNullOrWhiteSpace(value) && MailAddress.TryCreate(value, out _);
}
