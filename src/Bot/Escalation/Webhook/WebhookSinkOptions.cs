namespace Clinic.Bot.Escalation.Webhook;

/// <summary>Settings of <c>Escalation:Webhook</c>: an HTTPS endpoint (paging service, on-call tool) alerts are POSTed to.</summary>
public sealed class WebhookSinkOptions
{
    /// <summary>https URL (http only to this machine). Its presence turns the webhook sink on.</summary>
    public string? Url { get; set; }

    /// <summary>HMAC-SHA256 key for X-Clinic-Signature; at least 32 characters.</summary>
    public string? Secret { get; set; }

    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(15);

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Url);
}
