using System.Text.Json;
using Clinic.Bot.Bot;
using Clinic.Bot.Escalation.Teams;
using Clinic.Bot.Protocol;
using Clinic.Bot.Storage;
using Microsoft.Extensions.Options;

namespace Clinic.Bot.Escalation;

/// <summary>
/// Staff pressing Acknowledge or Resolve on an escalation card: <c>Action.Execute</c> arrives as an
/// <c>adaptiveCard/action</c> invoke (answered with the refreshed card), the <c>Action.Submit</c> fallback as a message
/// with a value. Only activities from the configured staff channel and tenant may change an escalation: anyone else
/// who sends the same data (a visitor in Web Chat) is refused.
/// </summary>
public sealed partial class StaffActionHandler(EscalationStatusService statuses, IOptions<EscalationOptions> options, ILogger<StaffActionHandler> logger)
{
    private const string CardResponseType = "application/vnd.microsoft.card.adaptive";
    private const string ErrorResponseType = "application/vnd.microsoft.error";

    public bool IsCardSubmit(Activity activity) => TryRead(activity.Value, null, out _, out _);

    public async Task<InvokeResponse?> OnInvokeAsync(Activity activity, CancellationToken ct)
    {
        if (activity.Name != "adaptiveCard/action")
            return null;
        JsonElement? data = null;
        string? verb = null;
        if (activity.Value is { ValueKind: JsonValueKind.Object } value && value.TryGetProperty("action", out var action) && action.ValueKind == JsonValueKind.Object)
        {
            data = action.TryGetProperty("data", out var d) ? d : null;
            verb = action.TryGetProperty("verb", out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
        }

        if (!TryRead(data, verb, out var id, out var status))
            return Error(400, "BadRequest", "This card action is not one the clinic bot knows.");
        if (!FromStaffChannel(activity))
        {
            LogRefused(id);
            return Error(403, "Forbidden", "Escalations can only be changed from the staff channel.");
        }

        var update = await statuses.SetAsync(id, status, Actor(activity), "teams", ct);
        if (update.Escalation is not { } escalation)
            return Error(404, "NotFound", "This escalation no longer exists.");
        var card = EscalationCardBuilder.Build(escalation, options.Value.StaffPageUrl);
        return new InvokeResponse(200, new { statusCode = 200, type = CardResponseType, value = card });
    }

    public async Task OnSubmitAsync(Activity activity, IActivitySender sender, CancellationToken ct)
    {
        if (!TryRead(activity.Value, null, out var id, out var status))
            return;
        string text;
        if (!FromStaffChannel(activity))
        {
            LogRefused(id);
            text = "Escalations can only be changed from the staff channel.";
        }
        else
        {
            var update = await statuses.SetAsync(id, status, Actor(activity), "teams", ct);
            text = update.Escalation is { } e ? $"Escalation {id}: {EscalationCardBuilder.StatusLine(e)}." : $"Escalation {id} no longer exists.";
        }

        await sender.SendAsync(activity.CreateReply(text), ct);
    }

    private bool FromStaffChannel(Activity activity)
    {
        var teams = options.Value.Teams;
        if (!teams.IsConfigured || activity.ChannelId != TeamsActivity.ChannelId || activity.Conversation?.Id is not { } conversation)
            return false;
        var channel = conversation.Split(';', 2)[0];
        var tenant = activity.Conversation.TenantId ?? ChannelDataTenant(activity);
        return channel == teams.ChannelId && string.Equals(tenant, teams.TenantId, StringComparison.OrdinalIgnoreCase);
    }

    private static string? ChannelDataTenant(Activity activity) =>
        activity.ChannelData is { ValueKind: JsonValueKind.Object } data
        && data.TryGetProperty("tenant", out var tenant) && tenant.ValueKind == JsonValueKind.Object
        && tenant.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String
            ? id.GetString()
            : null;

    private static string Actor(Activity activity)
    {
        var from = activity.From;
        var name = string.IsNullOrWhiteSpace(from?.Name) ? "Teams user" : from.Name.Trim();
        var who = from?.AadObjectId ?? from?.Id;
        return who is null ? name : $"{name} (teams:{who})";
    }

    private static InvokeResponse Error(int status, string code, string message) =>
        new(200, new { statusCode = status, type = ErrorResponseType, value = new { code, message } });

    private static bool TryRead(JsonElement? value, string? verbOverride, out string id, out EscalationStatus status)
    {
        id = "";
        status = EscalationStatus.Open;
        if (value is not { ValueKind: JsonValueKind.Object } v || !v.TryGetProperty("escalationId", out var e) || e.ValueKind != JsonValueKind.String
            || e.GetString() is not { Length: > 0 and <= 100 } escalationId)
            return false;
        var verb = verbOverride ?? (v.TryGetProperty("verb", out var vv) && vv.ValueKind == JsonValueKind.String ? vv.GetString() : null);
        id = escalationId;
        switch (verb)
        {
            case EscalationCardBuilder.AcknowledgeVerb:
                status = EscalationStatus.Acknowledged;
                return true;
            case EscalationCardBuilder.ResolveVerb:
                status = EscalationStatus.Resolved;
                return true;
            default:
                return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Card action on escalation {EscalationId} refused: it did not come from the staff channel")]
    private partial void LogRefused(string escalationId);
}
