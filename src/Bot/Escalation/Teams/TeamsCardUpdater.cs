using Clinic.Bot.Protocol;
using Clinic.Bot.Protocol.Connector;
using Clinic.Bot.Storage;
using Microsoft.Extensions.Options;

namespace Clinic.Bot.Escalation.Teams;

/// <summary>
/// Replaces the alert card in the staff channel with one showing the new status, so everyone in the channel sees who
/// acknowledged or resolved it, whichever staff member, and wherever (Teams or the staff page), did it.
/// </summary>
internal sealed partial class TeamsCardUpdater(ConnectorClient connector, IOptions<EscalationOptions> options, ILogger<TeamsCardUpdater> logger) : IEscalationStatusListener
{
    public async Task OnStatusChangedAsync(EscalationRecord escalation, CancellationToken cancellationToken)
    {
        var card = TeamsCardRef.Parse(escalation.Deliveries.FirstOrDefault(d => d.Sink == TeamsChannelSink.SinkName)?.ExternalId);
        if (card?.ActivityId is not { } activityId)
            return;
        var o = options.Value;
        var update = new Activity
        {
            Type = ActivityTypes.Message,
            Id = activityId,
            Attachments = [EscalationCardBuilder.ToAttachment(EscalationCardBuilder.Build(escalation, o.StaffPageUrl))],
        };
        var result = await connector.UpdateActivityAsync(o.Teams.ServiceUrl!, card.ConversationId, activityId, update, cancellationToken);
        if (!result.Succeeded)
            LogUpdateFailed(escalation.Id, result.Failure, result.StatusCode);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not update the Teams card of escalation {EscalationId}: {Failure} (HTTP {Status}); the status itself is saved")]
    private partial void LogUpdateFailed(string escalationId, ConnectorFailure failure, int? status);
}
