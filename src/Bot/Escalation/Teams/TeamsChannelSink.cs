using System.Text.Json;
using Clinic.Bot.Protocol;
using Clinic.Bot.Protocol.Connector;
using Clinic.Bot.Storage;
using Microsoft.Extensions.Options;

namespace Clinic.Bot.Escalation.Teams;

/// <summary>
/// Posts each alert as a new thread in the staff channel (Connector "create conversation" with the channel id), and a
/// reminder as a reply in that thread. The card's address is the delivery's external id, so status changes update it.
/// The Connector client sends a POST again only when it was not processed (429, no connection), so retries inside one
/// attempt never post twice; a later attempt follows a failure the channel reported (4xx/5xx, timeout).
/// </summary>
internal sealed class TeamsChannelSink(ConnectorClient connector, IOptions<EscalationOptions> options, IOptions<BotOptions> bot) : IEscalationSink
{
    public const string SinkName = "teams";

    public string Name => SinkName;

    public async Task<string?> DeliverAsync(EscalationRecord escalation, CancellationToken cancellationToken)
    {
        var o = options.Value;
        var t = o.Teams;
        var previous = TeamsCardRef.Parse(escalation.Deliveries.FirstOrDefault(d => d.Sink == Name && d.DeliveredAt is not null)?.ExternalId);
        if (previous is not null)
        {
            var reminder = new Activity
            {
                Type = ActivityTypes.Message,
                Text = $"Reminder: {escalation.Kind} escalation {escalation.Id} is not acknowledged yet.",
                Attachments = [EscalationCardBuilder.ToAttachment(EscalationCardBuilder.Build(escalation, o.StaffPageUrl, reminder: true))],
            };
            Check(await connector.SendToConversationAsync(t.ServiceUrl!, previous.ConversationId, reminder, cancellationToken));

            // Status changes keep updating the first card, so its address stays the external id.
            return previous.ToString();
        }

        var card = new Activity
        {
            Type = ActivityTypes.Message,

            // Shown in notifications; ids and kind only, the visitor's words stay inside the card.
            Text = $"New {escalation.Kind} escalation (priority {escalation.Priority.ToString(System.Globalization.CultureInfo.InvariantCulture)}): {escalation.Id}",
            Attachments = [EscalationCardBuilder.ToAttachment(EscalationCardBuilder.Build(escalation, o.StaffPageUrl))],
        };
        var parameters = new ConversationParameters
        {
            IsGroup = true,
            TenantId = t.TenantId,
            Bot = bot.Value.IsAuthenticationEnabled ? new ChannelAccount { Id = "28:" + bot.Value.MicrosoftAppId } : null,
            Activity = card,
            ChannelData = JsonSerializer.SerializeToElement(new { channel = new { id = t.ChannelId }, tenant = new { id = t.TenantId } }),
        };
        var result = Check(await connector.CreateConversationAsync(t.ServiceUrl!, parameters, cancellationToken));
        var thread = result.ConversationId ?? (result.ActivityId is { } root ? $"{t.ChannelId};messageid={root}" : t.ChannelId!);
        return new TeamsCardRef(thread, result.ActivityId).ToString();
    }

    private static ConnectorResult Check(ConnectorResult result) => result.Failure switch
    {
        ConnectorFailure.None => result,
        ConnectorFailure.Rejected or ConnectorFailure.InvalidRequest => throw new SinkRejectedException(
            $"Teams refused the alert (HTTP {result.StatusCode?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none"}, call {result.OutboundId}); " +
            "check that the bot is installed in the staff team and Escalation:Teams:ChannelId, TenantId and ServiceUrl"),
        _ => throw new SinkTransientException($"Teams call {result.OutboundId} failed: {result.Failure} (HTTP {result.StatusCode?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none"})"),
    };
}
