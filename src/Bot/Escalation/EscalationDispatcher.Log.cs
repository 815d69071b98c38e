namespace Clinic.Bot.Escalation;

// Log lines name escalations by id, kind and sink only: never what the visitor wrote or how to reach them.
internal sealed partial class EscalationDispatcher
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "No staff sink is configured (Escalation:Teams, Escalation:Email, Escalation:Webhook): escalations are only visible on /staff.")]
    private partial void LogNoSinks();

    [LoggerMessage(Level = LogLevel.Error, Message = "Escalation outbox unreachable ({Failures} in a row): {Reason}; looking again in {Wait}")]
    private partial void LogStoreFailure(int failures, TimeSpan wait, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Escalation {EscalationId} has a delivery to sink {Sink}, which is not configured on this instance")]
    private partial void LogUnknownSink(string escalationId, string sink);

    [LoggerMessage(Level = LogLevel.Information, Message = "Escalation {EscalationId} delivered to {Sink} (attempt {Attempt})")]
    private partial void LogDelivered(string escalationId, string sink, int attempt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Escalation {EscalationId} to {Sink}: attempt {Attempt} failed ({Reason}); next attempt in {Wait}")]
    private partial void LogRetry(string escalationId, string sink, int attempt, string reason, TimeSpan wait);

    [LoggerMessage(Level = LogLevel.Critical, Message = "Escalation {EscalationId} ({Kind}) could NOT be delivered to {Sink}; gave up after {Attempts} attempt(s): {Reason}. Staff must check /staff.")]
    private partial void LogGaveUp(string escalationId, string kind, string sink, int attempts, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not record the outcome of escalation {EscalationId} to {Sink} ({Error}); the claim will expire and it is retried")]
    private partial void LogMarkFailed(string escalationId, string sink, string error);
}
