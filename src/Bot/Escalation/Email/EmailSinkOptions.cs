namespace Clinic.Bot.Escalation.Email;

/// <summary>Settings of <c>Escalation:Email</c>: the on-call mailbox alerts go to over SMTP.</summary>
public sealed class EmailSinkOptions
{
    /// <summary>SMTP server host. Its presence turns the email sink on.</summary>
    public string? Host { get; set; }

    public int Port { get; set; } = 587;

    public SmtpSecurity Security { get; set; } = SmtpSecurity.StartTls;

    /// <summary>Sender address, e.g. "Clinic bot &lt;bot@clinic.example&gt;".</summary>
    public string? From { get; set; }

    /// <summary>On-call recipients, separated by commas or semicolons.</summary>
    public string? To { get; set; }

    /// <summary>Optional SMTP login; with it, <see cref="Password"/> is required.</summary>
    public string? Username { get; set; }

    public string? Password { get; set; }

    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Host);
}
