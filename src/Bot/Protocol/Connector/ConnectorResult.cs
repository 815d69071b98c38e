namespace Clinic.Bot.Protocol.Connector;

public enum ConnectorFailure
{
    None,

    /// <summary>Bad serviceUrl (not https, or http off loopback) or a missing id: nothing was sent.</summary>
    InvalidRequest,

    /// <summary>No token could be obtained: nothing was sent.</summary>
    TokenUnavailable,

    /// <summary>429 until attempts ran out, or a Retry-After longer than allowed. Not processed.</summary>
    Throttled,

    /// <summary>A 4xx other than 429.</summary>
    Rejected,

    /// <summary>5xx. For a POST the activity may or may not have been posted, so it is not retried.</summary>
    ServerError,

    /// <summary>No connection, or the connection broke.</summary>
    Unreachable,

    /// <summary>No answer within the timeout. For a POST the activity may have been posted.</summary>
    TimedOut,
}

/// <summary>
/// The outcome of one Connector call. <see cref="OutboundId"/> is this bot's own id for the call (in every
/// log line about it, across retries); <see cref="ActivityId"/> is the id the channel gave the activity.
/// </summary>
public sealed record ConnectorResult(
    string OutboundId,
    ConnectorFailure Failure,
    int? StatusCode,
    int Attempts,
    string? ActivityId = null,
    string? ConversationId = null,
    string? ServiceUrl = null)
{
    public bool Succeeded => Failure == ConnectorFailure.None;
}
