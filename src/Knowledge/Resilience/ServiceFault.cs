using System.ClientModel;
using System.Text.Json;
using Azure;
using Azure.Identity;
using Polly;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace Clinic.Knowledge.Resilience;

/// <summary>Says in a few words why a call to a remote service failed, for messages and logs.</summary>
internal static class ServiceFault
{
    /// <summary>
    /// The status or the kind of failure, never the service's error body (not ours to log, and it may echo what was
    /// sent); null when <paramref name="e"/> is not a service failure or the caller cancelled.
    /// </summary>
    public static string? Describe(Exception e, CancellationToken cancellationToken) => e switch
    {
        OperationCanceledException when cancellationToken.IsCancellationRequested => null,
        ClientResultException { Status: > 0 } r => $"HTTP {r.Status}",
        RequestFailedException { Status: > 0 } r => $"HTTP {r.Status}",
        BrokenCircuitException => "the circuit is open after repeated failures",
        TimeoutRejectedException or OperationCanceledException => "it did not answer in time",
        ExecutionRejectedException => "the call was rejected",
        ClientResultException or RequestFailedException or HttpRequestException => "it could not be reached",
        AuthenticationFailedException or CredentialUnavailableException => "no Entra ID token could be obtained",
        JsonException or FormatException => "its response was malformed",
        _ => null,
    };
}
