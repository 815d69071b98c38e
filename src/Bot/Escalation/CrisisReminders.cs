using Clinic.Bot.Storage;
using Microsoft.Extensions.Options;

namespace Clinic.Bot.Escalation;

/// <summary>
/// Crisis escalations staff have not acknowledged within Escalation:CrisisAckTimeout of their last alert are queued
/// again for the on-call sinks. The store only requeues a delivery that is not already queued and whose escalation is
/// still open, so instances looking at the same time do not double the reminder.
/// </summary>
internal sealed partial class CrisisReminders(IEscalationStore store, IOptions<EscalationOptions> options, ILogger<CrisisReminders> logger)
{
    /// <summary>True when at least one reminder was queued.</summary>
    public async Task<bool> ScheduleAsync(DateTimeOffset now, IEnumerable<string> configuredSinks, CancellationToken cancellationToken)
    {
        var o = options.Value;
        var onCall = (o.CrisisResendSinks.Count == 0 ? configuredSinks : o.CrisisResendSinks).ToHashSet(StringComparer.Ordinal);
        var any = false;
        foreach (var escalation in await store.FindUnacknowledgedAsync(EscalationKinds.Crisis, now - o.CrisisAckTimeout, cancellationToken))
        {
            foreach (var delivery in escalation.Deliveries.Where(d => onCall.Contains(d.Sink)))
            {
                if (await store.ScheduleResendAsync(escalation.Id, delivery.Sink, now, cancellationToken))
                {
                    any = true;
                    LogResend(escalation.Id, delivery.Sink, o.CrisisAckTimeout);
                }
            }
        }
        return any;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Crisis escalation {EscalationId} not acknowledged within {Timeout}: sending it again to {Sink}")]
    private partial void LogResend(string escalationId, string sink, TimeSpan timeout);
}
