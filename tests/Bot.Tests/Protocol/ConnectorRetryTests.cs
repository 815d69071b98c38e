using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Clinic.Bot.Protocol;
using Clinic.Bot.Protocol.Connector;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Clinic.Bot.Tests.Protocol;

/// <summary>Retries that never duplicate a message: 429 and pre-send failures for POST, also 5xx and timeouts for PUT.</summary>
public sealed class ConnectorRetryTests : ConnectorTestBase
{
    [Fact]
    public async Task HonoursRetryAfterInSecondsOn429ThenSucceeds()
    {
        _connector.Script.Enqueue(FakeConnector.Status(429, retryAfter: "7"));

        var result = await Client.ReplyToActivityAsync(_connector.ServiceUrl, "a:1", "1", Reply(), CancellationToken.None);

        Assert.True(result.Succeeded);
        Assert.Equal(2, result.Attempts);
        Assert.Equal(2, _connector.Requests.Count);
        Assert.Equal([TimeSpan.FromSeconds(7)], _time.RequestedDelays);
    }

    [Fact]
    public async Task HonoursRetryAfterAsAnHttpDate()
    {
        _connector.Script.Enqueue(FakeConnector.Status(429, retryAfter: "Thu, 01 May 2025 10:00:30 GMT"));

        var result = await Client.SendToConversationAsync(_connector.ServiceUrl, "a:1", Reply(), CancellationToken.None);

        Assert.True(result.Succeeded);
        Assert.Equal([TimeSpan.FromSeconds(30)], _time.RequestedDelays);
    }

    [Fact]
    public async Task GivesUpWhenRetryAfterIsLongerThanAllowed()
    {
        _connector.Script.Enqueue(FakeConnector.Status(429, retryAfter: "3600"));

        var result = await Client.SendToConversationAsync(_connector.ServiceUrl, "a:1", Reply(), CancellationToken.None);

        Assert.Equal(ConnectorFailure.Throttled, result.Failure);
        Assert.Equal(429, result.StatusCode);
        Assert.Single(_connector.Requests);
        Assert.Empty(_time.RequestedDelays);
    }

    [Fact]
    public async Task StopsRetryingThrottledCallsAfterMaxAttempts()
    {
        for (var i = 0; i < 10; i++)
        {
            _connector.Script.Enqueue(FakeConnector.Status(429, retryAfter: "1"));
        }

        var result = await Client.SendToConversationAsync(_connector.ServiceUrl, "a:1", Reply(), CancellationToken.None);

        Assert.Equal(ConnectorFailure.Throttled, result.Failure);
        Assert.Equal(4, result.Attempts);
        Assert.Equal(4, _connector.Requests.Count);
    }

    [Theory]
    [InlineData(500, null)]
    [InlineData(502, null)]
    [InlineData(503, "1")]
    public async Task NeverRetriesAPostThatFailedOnTheServer(int status, string? retryAfter)
    {
        _connector.Script.Enqueue(FakeConnector.Status(status, retryAfter));

        var result = await Client.ReplyToActivityAsync(_connector.ServiceUrl, "a:1", "1", Reply(), CancellationToken.None);

        Assert.Equal(ConnectorFailure.ServerError, result.Failure);
        Assert.Equal(status, result.StatusCode);
        Assert.Single(_connector.Requests);
    }

    [Fact]
    public async Task NeverRetriesAPostWhoseConnectionDroppedAfterSending()
    {
        _connector.Script.Enqueue(FakeConnector.Abort());

        var result = await Client.SendToConversationAsync(_connector.ServiceUrl, "a:1", Reply(), CancellationToken.None);

        Assert.Equal(ConnectorFailure.Unreachable, result.Failure);
        Assert.Single(_connector.Requests);
    }

    [Fact]
    public async Task RetriesAPutAfterServerErrorsWithGrowingJitteredBackoff()
    {
        _connector.Script.Enqueue(FakeConnector.Status(500));
        _connector.Script.Enqueue(FakeConnector.Status(502));
        _connector.Script.Enqueue(FakeConnector.Abort());

        var result = await Client.UpdateActivityAsync(_connector.ServiceUrl, "a:1", "act-1", Reply(), CancellationToken.None);

        Assert.True(result.Succeeded);
        Assert.Equal(4, result.Attempts);
        Assert.Equal(4, _connector.Requests.Count);
        Assert.All(_connector.Requests, r => Assert.Equal("PUT", r.Method));
        var delays = _time.RequestedDelays.ToArray();
        Assert.Equal(3, delays.Length);
        Assert.InRange(delays[0].TotalMilliseconds, 50, 100);
        Assert.InRange(delays[1].TotalMilliseconds, 100, 200);
        Assert.InRange(delays[2].TotalMilliseconds, 200, 400);
    }

    [Fact]
    public async Task AFailingPutGivesUpAfterMaxAttempts()
    {
        for (var i = 0; i < 10; i++)
        {
            _connector.Script.Enqueue(FakeConnector.Status(503));
        }

        var result = await Client.UpdateActivityAsync(_connector.ServiceUrl, "a:1", "act-1", Reply(), CancellationToken.None);

        Assert.Equal(ConnectorFailure.ServerError, result.Failure);
        Assert.Equal(4, _connector.Requests.Count);
    }

    [Fact]
    public async Task RetriesAPostWhoseConnectionFailedBeforeSending()
    {
        var connects = 0;
        await using var services = Build(s => s.AddHttpClient<ConnectorClient>().ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
        {
            ConnectCallback = async (context, ct) =>
            {
                if (Interlocked.Increment(ref connects) == 1)
                {
                    throw new SocketException((int)SocketError.ConnectionRefused);
                }

                var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                try
                {
                    await socket.ConnectAsync(context.DnsEndPoint, ct);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        }));

        var result = await services.GetRequiredService<ConnectorClient>().SendToConversationAsync(_connector.ServiceUrl, "a:1", Reply(), CancellationToken.None);

        Assert.True(result.Succeeded, result.ToString());
        Assert.Equal(2, result.Attempts);
        Assert.Single(_connector.Requests);
    }

    [Fact]
    public async Task ReportsAnUnreachableConnectorAfterMaxAttempts()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var closedPort = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();

        var result = await Client.SendToConversationAsync($"http://127.0.0.1:{closedPort}/", "a:1", Reply(), CancellationToken.None);

        Assert.Equal(ConnectorFailure.Unreachable, result.Failure);
        Assert.Equal(4, result.Attempts);
    }

    [Fact]
    public async Task RetriesOnceWithAFreshTokenAfter401()
    {
        _connector.Script.Enqueue(FakeConnector.Status(401));

        var result = await Client.SendToConversationAsync(_connector.ServiceUrl, "a:1", Reply(), CancellationToken.None);

        Assert.True(result.Succeeded);
        Assert.Equal(["Bearer token-1", "Bearer token-2"], _connector.Requests.Select(r => r.Authorization));
    }

    [Fact]
    public async Task ASecond401IsFinal()
    {
        _connector.Script.Enqueue(FakeConnector.Status(401));
        _connector.Script.Enqueue(FakeConnector.Status(401));

        var result = await Client.SendToConversationAsync(_connector.ServiceUrl, "a:1", Reply(), CancellationToken.None);

        Assert.Equal(ConnectorFailure.Rejected, result.Failure);
        Assert.Equal(2, _connector.Requests.Count);
    }

    [Theory]
    [InlineData(400)]
    [InlineData(403)]
    [InlineData(404)]
    public async Task DoesNotRetryOtherClientErrors(int status)
    {
        _connector.Script.Enqueue(FakeConnector.Status(status));

        var result = await Client.UpdateActivityAsync(_connector.ServiceUrl, "a:1", "act-1", Reply(), CancellationToken.None);

        Assert.Equal(ConnectorFailure.Rejected, result.Failure);
        Assert.Single(_connector.Requests);
    }

    [Fact]
    public async Task LogsEveryAttemptUnderOneOutboundIdAndNeverTheText()
    {
        _connector.Script.Enqueue(FakeConnector.Status(429, retryAfter: "1"));

        var result = await Client.SendToConversationAsync(_connector.ServiceUrl, "a:1", Reply("secret dose question"), CancellationToken.None);

        var lines = _logs.Entries.Where(e => e.Message.Contains(result.OutboundId, StringComparison.Ordinal)).ToList();
        Assert.Equal(2, lines.Count);
        Assert.DoesNotContain("secret dose question", _logs.All, StringComparison.Ordinal);
        Assert.DoesNotContain("token-1", _logs.All, StringComparison.Ordinal);
    }
}
