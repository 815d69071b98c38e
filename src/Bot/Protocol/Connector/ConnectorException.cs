namespace Clinic.Bot.Protocol.Connector;

/// <summary>Thrown by <see cref="ConnectorActivitySender"/>, whose interface returns ids rather than results.</summary>
public sealed class ConnectorException(ConnectorResult result)
    : Exception($"Bot Connector call {result.OutboundId} failed: {result.Failure} (HTTP {result.StatusCode?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none"}) after {result.Attempts} attempt(s).")
{
    public ConnectorResult Result { get; } = result;
}
