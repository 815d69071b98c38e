using Clinic.Bot.Escalation.Email;
using Clinic.Bot.Escalation.Teams;
using Clinic.Bot.Escalation.Webhook;

namespace Clinic.Bot.Escalation;

/// <summary>Settings of the <c>Escalation</c> section: the outbox dispatcher and the staff sinks.</summary>
public sealed class EscalationOptions
{
    public const string SectionName = "Escalation";

    /// <summary>How often the dispatcher looks for due deliveries when nothing wakes it.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Wait this long after start before the first look (0: at once).</summary>
    public TimeSpan StartDelay { get; set; } = TimeSpan.Zero;

    /// <summary>Deliveries claimed per look.</summary>
    public int BatchSize { get; set; } = 10;

    /// <summary>How long a claim keeps other instances off a delivery; must outlast <see cref="DeliveryTimeout"/>.</summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>The longest one sink call may take.</summary>
    public TimeSpan DeliveryTimeout { get; set; } = TimeSpan.FromSeconds(45);

    /// <summary>Attempts per delivery, the first included, before giving up (logged as critical).</summary>
    public int MaxAttempts { get; set; } = 12;

    /// <summary>First retry delay; doubled per attempt, with jitter, up to <see cref="RetryMaxDelay"/>.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Longest wait between attempts, also the cap on a receiver's Retry-After.</summary>
    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>A crisis escalation not acknowledged this long after its last alert is sent again.</summary>
    public TimeSpan CrisisAckTimeout { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How often the dispatcher looks for unacknowledged crises.</summary>
    public TimeSpan CrisisCheckInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Sinks that get crisis reminders (the on-call ones); empty means every configured sink.</summary>
    public List<string> CrisisResendSinks { get; set; } = [];

    /// <summary>Longest wait between looks while the database is unreachable.</summary>
    public TimeSpan StoreRetryMaxDelay { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Link to the staff page, put in alerts when set (e.g. https://bot.clinic.example/staff).</summary>
    public string? StaffPageUrl { get; set; }

    public TeamsSinkOptions Teams { get; set; } = new();

    public EmailSinkOptions Email { get; set; } = new();

    public WebhookSinkOptions Webhook { get; set; } = new();
}
