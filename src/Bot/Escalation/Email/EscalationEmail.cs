using System.Globalization;
using System.Text;
using MimeKit;

namespace Clinic.Bot.Escalation.Email;

/// <summary>
/// The alert as a plain-text email. Its Message-Id is derived from the escalation id (&lt;esc_...@clinic-bot&gt;), so
/// a resent copy is recognised as the same message; a reminder gets its own id and threads under the first alert.
/// </summary>
internal static class EscalationEmail
{
    public const string Domain = "clinic-bot";

    public static string MessageIdFor(string escalationId, string? reminderKey = null) =>
        reminderKey is null ? $"{escalationId}@{Domain}" : $"{escalationId}.{reminderKey}@{Domain}";

    public static MimeMessage Build(EscalationContent alert, string? reminderKey, EmailSinkOptions settings, string? staffPageUrl)
    {
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(settings.From!));
        foreach (var to in EmailAddresses.Split(settings.To))
            message.To.Add(MailboxAddress.Parse(to));
        message.MessageId = MessageIdFor(alert.Id, reminderKey);
        if (reminderKey is not null)
        {
            message.InReplyTo = MessageIdFor(alert.Id);
            message.References.Add(MessageIdFor(alert.Id));
        }

        message.Subject = (reminderKey is null ? "" : "REMINDER, not acknowledged: ") + $"[{alert.Label}] Clinic escalation {alert.Id}";
        message.Date = alert.CreatedAt;
        if (alert.Priority >= 3)
        {
            message.Priority = MessagePriority.Urgent;
            message.Importance = MessageImportance.High;
            message.XPriority = XMessagePriority.Highest;
        }

        message.Body = new TextPart("plain") { Text = Body(alert, reminderKey is not null, staffPageUrl) };
        return message;
    }

    private static string Body(EscalationContent alert, bool reminder, string? staffPageUrl)
    {
        var text = new StringBuilder();
        if (reminder)
            text.AppendLine("REMINDER: nobody has acknowledged this escalation yet.").AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"Escalation: {alert.Id}");
        text.AppendLine(CultureInfo.InvariantCulture, $"Kind:       {alert.Kind}");
        text.AppendLine(CultureInfo.InvariantCulture, $"Priority:   {alert.Priority}");
        text.AppendLine(CultureInfo.InvariantCulture, $"Reasons:    {(alert.Reasons.Count == 0 ? "(none)" : string.Join(", ", alert.Reasons))}");
        text.AppendLine(CultureInfo.InvariantCulture, $"Created:    {alert.CreatedAt.UtcDateTime:yyyy-MM-dd HH:mm} UTC");
        if (alert.HasContact)
            text.AppendLine(CultureInfo.InvariantCulture, $"Contact:    {string.Join(" / ", new[] { alert.ContactPhone, alert.ContactEmail }.Where(c => c is not null))}");
        text.AppendLine().AppendLine("Message that raised it:").AppendLine(Quote(alert.TriggeringText));
        if (alert.TranscriptExcerpt.Length > 0)
            text.AppendLine().AppendLine("Conversation so far:").AppendLine(Quote(alert.TranscriptExcerpt));
        text.AppendLine();
        text.AppendLine(staffPageUrl is null
            ? "Acknowledge it on the staff page (/staff) or in the Teams staff channel."
            : $"Acknowledge it on the staff page: {staffPageUrl}");
        return text.ToString();
    }

    private static string Quote(string text) =>
        string.Join("\n", text.ReplaceLineEndings("\n").Split('\n').Select(line => "> " + line));
}
