using System.Globalization;
using System.Text.Json.Nodes;
using Clinic.Bot.Protocol;
using Clinic.Bot.Storage;

namespace Clinic.Bot.Escalation.Teams;

/// <summary>
/// The Adaptive Card (1.5) staff see in Teams: priority, kind, reasons, the visitor's message, a transcript excerpt,
/// contact details, when it was raised, and who acknowledged or resolved it. Buttons are <c>Action.Execute</c> with an
/// <c>Action.Submit</c> fallback carrying the same data. Visitor text goes in TextRuns, which render no markdown.
/// </summary>
public static class EscalationCardBuilder
{
    public const string ContentType = "application/vnd.microsoft.card.adaptive";
    public const string AcknowledgeVerb = "acknowledge";
    public const string ResolveVerb = "resolve";
    private const int MaxMessageChars = 2000;
    private const int MaxExcerptChars = 3000;

    public static JsonObject Build(EscalationRecord escalation, string? staffPageUrl = null, bool reminder = false)
    {
        ArgumentNullException.ThrowIfNull(escalation);
        var alert = EscalationContent.From(escalation);
        var body = new JsonArray();
        if (reminder)
            body.Add(Text("Reminder: nobody has acknowledged this escalation yet.", color: "Attention", weight: "Bolder"));
        body.Add(Text($"{Title(alert.Kind)} escalation (priority {alert.Priority})", size: "Large", weight: "Bolder",
            color: alert.Priority >= 3 ? "Attention" : alert.Priority == 2 ? "Warning" : "Default"));
        body.Add(Text(StatusLine(escalation), weight: "Bolder", color: escalation.Status == EscalationStatus.Open ? "Attention" : "Good"));

        var facts = new JsonArray
        {
            Fact("Escalation", alert.Id),
            Fact("Kind", alert.Kind),
            Fact("Priority", alert.Priority.ToString(CultureInfo.InvariantCulture)),
            Fact("Reasons", alert.Reasons.Count == 0 ? "(none)" : string.Join(", ", alert.Reasons)),
            Fact("Created", Time(alert.CreatedAt)),
        };
        if (alert.ContactPhone is { } phone)
            facts.Add(Fact("Phone", phone));
        if (alert.ContactEmail is { } email)
            facts.Add(Fact("Email", email));
        body.Add(new JsonObject { ["type"] = "FactSet", ["facts"] = facts });

        body.Add(Text("Message", weight: "Bolder", separator: true));
        body.Add(Plain(Cut(alert.TriggeringText, MaxMessageChars)));
        if (alert.TranscriptExcerpt.Length > 0)
        {
            body.Add(Text("Conversation so far", weight: "Bolder", separator: true));
            body.Add(Plain(Cut(alert.TranscriptExcerpt, MaxExcerptChars)));
        }

        var actions = new JsonArray();
        if (escalation.Status == EscalationStatus.Open)
            actions.Add(Button("Acknowledge", AcknowledgeVerb, alert.Id));
        if (escalation.Status != EscalationStatus.Resolved)
            actions.Add(Button("Resolve", ResolveVerb, alert.Id));
        if (staffPageUrl is not null)
            actions.Add(new JsonObject { ["type"] = "Action.OpenUrl", ["title"] = "Open staff page", ["url"] = staffPageUrl });

        return new JsonObject
        {
            ["type"] = "AdaptiveCard",
            ["$schema"] = "http://adaptivecards.io/schemas/adaptive-card.json",
            ["version"] = "1.5",
            ["msteams"] = new JsonObject { ["width"] = "Full" },
            ["body"] = body,
            ["actions"] = actions,
        };
    }

    public static Attachment ToAttachment(JsonObject card) => new() { ContentType = ContentType, Content = card };

    public static string StatusLine(EscalationRecord e) => e.Status switch
    {
        EscalationStatus.Resolved => $"Resolved by {e.ResolvedBy} at {Time(e.ResolvedAt)}" +
            (e.AcknowledgedBy is null ? "" : $" (acknowledged by {e.AcknowledgedBy} at {Time(e.AcknowledgedAt)})"),
        EscalationStatus.Acknowledged => $"Acknowledged by {e.AcknowledgedBy} at {Time(e.AcknowledgedAt)}",
        _ => "Open: waiting for a staff member",
    };

    private static string Title(string kind) => kind switch
    {
        EscalationKinds.Crisis => "CRISIS",
        EscalationKinds.Contraindication => "Contraindication",
        EscalationKinds.StaffRequest => "Staff request",
        _ => kind,
    };

    private static JsonObject Button(string title, string verb, string escalationId) => new()
    {
        ["type"] = "Action.Execute",
        ["title"] = title,
        ["verb"] = verb,
        ["data"] = Data(verb, escalationId),
        ["fallback"] = new JsonObject { ["type"] = "Action.Submit", ["title"] = title, ["data"] = Data(verb, escalationId) },
    };

    private static JsonObject Data(string verb, string escalationId) => new() { ["verb"] = verb, ["escalationId"] = escalationId };

    private static JsonObject Fact(string title, string value) => new() { ["title"] = title, ["value"] = value };

    private static JsonObject Text(string text, string? size = null, string? weight = null, string? color = null, bool separator = false)
    {
        var block = new JsonObject { ["type"] = "TextBlock", ["text"] = text, ["wrap"] = true };
        if (size is not null)
            block["size"] = size;
        if (weight is not null)
            block["weight"] = weight;
        if (color is not null)
            block["color"] = color;
        if (separator)
            block["separator"] = true;
        return block;
    }

    private static JsonObject Plain(string text) => new()
    {
        ["type"] = "RichTextBlock",
        ["inlines"] = new JsonArray(new JsonObject { ["type"] = "TextRun", ["text"] = text }),
    };

    private static string Time(DateTimeOffset? at) =>
        at is { } t ? t.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture) : "(unknown)";

    private static string Cut(string text, int max) => text.Length <= max ? text : text[..max] + "…";
}
