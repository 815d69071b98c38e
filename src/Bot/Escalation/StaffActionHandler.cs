using System.Text.Json;
using Clinic.Bot.Bot;
using Clinic.Bot.Protocol;
using Clinic.Bot.Storage;

namespace Clinic.Bot.Escalation;

/// <summary>
/// Staff pressing Acknowledge or Resolve on an escalation card: <c>Action.Execute</c> arrives as an
/// <c>adaptiveCard/action</c> invoke, the <c>Action.Submit</c> fallback as a message with a value.
/// </summary>
public sealed class StaffActionHandler(IEscalationStore escalations, TimeProvider time)
{
    public bool IsCardSubmit(Activity activity) => TryRead(activity.Value, out _, out _);

    public async Task<InvokeResponse?> OnInvokeAsync(Activity activity, CancellationToken ct)
    {
        if (activity.Name != "adaptiveCard/action" || activity.Value is not { } value || !value.TryGetProperty("action", out var action)
            || !TryRead(action.TryGetProperty("data", out var data) ? data : default, out var id, out var status))
            return new InvokeResponse(400, null);
        var text = await ApplyAsync(activity, id, status, ct);
        return new InvokeResponse(200, new { statusCode = 200, type = "application/vnd.microsoft.activity.message", value = text });
    }

    public async Task OnSubmitAsync(Activity activity, IActivitySender sender, CancellationToken ct)
    {
        TryRead(activity.Value, out var id, out var status);
        await sender.SendAsync(activity.CreateReply(await ApplyAsync(activity, id, status, ct)), ct);
    }

    private async Task<string> ApplyAsync(Activity activity, string id, EscalationStatus status, CancellationToken ct)
    {
        var actor = activity.From?.Name ?? activity.From?.AadObjectId ?? activity.From?.Id ?? "unknown";
        var result = await escalations.SetEscalationStatusAsync(id, status, actor, time.GetUtcNow(), ct);
        return $"Escalation {id}: {result}";
    }

    private static bool TryRead(JsonElement? value, out string id, out EscalationStatus status)
    {
        id = "";
        status = EscalationStatus.Open;
        if (value is not { ValueKind: JsonValueKind.Object } v || !v.TryGetProperty("escalationId", out var e) || e.ValueKind != JsonValueKind.String
            || !v.TryGetProperty("verb", out var verb) || verb.ValueKind != JsonValueKind.String)
            return false;
        id = e.GetString()!;
        switch (verb.GetString())
        {
            case "acknowledge":
                status = EscalationStatus.Acknowledged;
                return true;
            case "resolve":
                status = EscalationStatus.Resolved;
                return true;
            default:
                return false;
        }
    }
}
