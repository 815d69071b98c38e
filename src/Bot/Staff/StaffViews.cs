using Clinic.Bot.Escalation;
using Clinic.Bot.Storage;

namespace Clinic.Bot.Staff;

/// <summary>The JSON the staff page reads. Statuses are lower-case words; times are ISO 8601.</summary>
internal static class StaffViews
{
    public static object Summary(EscalationRecord e)
    {
        var c = EscalationContent.From(e);
        return new
        {
            id = e.Id,
            kind = e.Kind,
            priority = e.Priority,
            status = Word(e.Status),
            reasons = c.Reasons,
            triggeringText = e.TriggeringText,
            createdAt = e.CreatedAt,
            acknowledgedBy = e.AcknowledgedBy,
            acknowledgedAt = e.AcknowledgedAt,
            resolvedBy = e.ResolvedBy,
            resolvedAt = e.ResolvedAt,
            contact = c.HasContact ? new { phone = c.ContactPhone, email = c.ContactEmail } : null,
            deliveries = e.Deliveries.Select(d => new
            {
                sink = d.Sink,
                status = d.Status.ToString().ToLowerInvariant(),
                attempts = d.Attempts,
                deliveredAt = d.DeliveredAt,
                nextAttemptAt = d.NextAttemptAt,
                lastError = d.LastError,
            }),
        };
    }

    public static object Detail(EscalationRecord e, IReadOnlyList<TranscriptEntry> transcript, IReadOnlyList<AuditEntry> audit) => new
    {
        escalation = Summary(e),
        conversationId = e.ConversationId,
        transcriptExcerpt = e.TranscriptExcerpt,
        transcript = transcript.Select(t => new { role = t.Role.ToString().ToLowerInvariant(), text = t.Text, at = t.At }),
        audit = audit.Select(a => new { action = a.Action, actor = a.Actor, at = a.At }),
    };

    public static string Word(EscalationStatus status) => status.ToString().ToLowerInvariant();
}
