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

/// <summary>The Connector REST client against a local fake connector on Kestrel. Delays are recorded, never slept.</summary>
public sealed class ConnectorClientTests : IAsyncLifetime
{
    private const string TeamsThread = "19:abc@thread.tacv2;messageid=1712345678901";
    private readonly ManualTimeProvider _time = new(new DateTimeOffset(2025, 5, 1, 10, 0, 0, TimeSpan.Zero));
    private readonly CountingTokenProvider _tokens = new();
    private readonly TestLogs _logs = new();
    private FakeConnector _connector = null!;
    private ServiceProvider _services = null!;

    public async Task InitializeAsync()
    {
        _connector = await FakeConnector.StartAsync();
        _services = Build();
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _connector.DisposeAsync();
    }

    private ConnectorClient Client => _services.GetRequiredService<ConnectorClient>();

    private static Activity Reply(string text = "Fasting for 4 hours is recommended.") => new() { Type = "message", Text = text };

    private ServiceProvider Build(Action<IServiceCollection>? configure = null, IBotTokenProvider? tokens = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Bot:Connector:MaxAttempts"] = "4",
            ["Bot:Connector:BaseDelay"] = "00:00:00.100",
            ["Bot:Connector:MaxDelay"] = "00:00:01",
            ["Bot:Connector:MaxRetryAfter"] = "00:01:00",
        }).Build();
        var services = new ServiceCollection()
            .AddLogging(logging => logging.AddProvider(_logs).SetMinimumLevel(LogLevel.Debug))
            .AddSingleton<IConfiguration>(configuration)
            .AddBotProtocol();
        services.AddSingleton<TimeProvider>(_time);
        services.AddSingleton(tokens ?? _tokens);
        configure?.Invoke(services);
        return services.BuildServiceProvider();
    }

    [Fact]
    public async Task RepliesOnTheActivityPathWithEscapedIdsAndTheBotsToken()
    {
        var result = await Client.ReplyToActivityAsync(_connector.ServiceUrl, TeamsThread, "1712345678901", Reply(), CancellationToken.None);

        Assert.True(result.Succeeded);
        Assert.Equal("sent-1", result.ActivityId);
        Assert.Equal(1, result.Attempts);
        var request = Assert.Single(_connector.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/amer/v3/conversations/19%3Aabc%40thread.tacv2%3Bmessageid%3D1712345678901/activities/1712345678901", request.RawTarget);
        Assert.Equal("Bearer token-1", request.Authorization);
        Assert.Equal("application/json; charset=utf-8", request.ContentType);
        Assert.Equal("Fasting for 4 hours is recommended.", JsonDocument.Parse(request.Body).RootElement.GetProperty("text").GetString());
    }

    [Fact]
    public async Task KeepsEachIdInOnePathSegmentWhateverItContains()
    {
        await Client.ReplyToActivityAsync(_connector.ServiceUrl, "a/b?c#d%e f", "x/../y", Reply(), CancellationToken.None);

        Assert.Equal("/amer/v3/conversations/a%2Fb%3Fc%23d%25e%20f/activities/x%2F..%2Fy", Assert.Single(_connector.Requests).RawTarget);
    }

    [Fact]
    public async Task SendsANewMessageToTheConversation()
    {
        var result = await Client.SendToConversationAsync(_connector.ServiceUrl.TrimEnd('/'), "a:1personal", Reply(), CancellationToken.None);

        Assert.True(result.Succeeded);
        Assert.Equal("/amer/v3/conversations/a%3A1personal/activities", Assert.Single(_connector.Requests).RawTarget);
    }

    [Fact]
    public async Task UpdatesWithPutOnTheActivityPath()
    {
        var result = await Client.UpdateActivityAsync(_connector.ServiceUrl, "a:1personal", "act-9", Reply("updated"), CancellationToken.None);

        Assert.True(result.Succeeded);
        var request = Assert.Single(_connector.Requests);
        Assert.Equal("PUT", request.Method);
        Assert.Equal("/amer/v3/conversations/a%3A1personal/activities/act-9", request.RawTarget);
    }

    [Fact]
    public async Task CreatesAConversationForAProactiveMessage()
    {
        _connector.Script.Enqueue(context =>
        {
            context.Response.StatusCode = 201;
            return context.Response.WriteAsJsonAsync(new { id = "a:new-conversation", activityId = "act-1", serviceUrl = "https://smba.trafficmanager.net/amer/" });
        });
        var parameters = new ConversationParameters
        {
            Bot = new ChannelAccount { Id = "28:bot" },
            Members = [new ChannelAccount { Id = "29:user" }],
            TenantId = "tenant-1",
            Activity = Reply("Your appointment is tomorrow."),
        };

        var result = await Client.CreateConversationAsync(_connector.ServiceUrl, parameters, CancellationToken.None);

        Assert.True(result.Succeeded);
        Assert.Equal("a:new-conversation", result.ConversationId);
        Assert.Equal("act-1", result.ActivityId);
        Assert.Equal("https://smba.trafficmanager.net/amer/", result.ServiceUrl);
        var request = Assert.Single(_connector.Requests);
        Assert.Equal("/amer/v3/conversations", request.RawTarget);
        var body = JsonDocument.Parse(request.Body).RootElement;
        Assert.Equal("29:user", body.GetProperty("members")[0].GetProperty("id").GetString());
        Assert.Equal("tenant-1", body.GetProperty("tenantId").GetString());
        Assert.False(body.TryGetProperty("isGroup", out _));
    }

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

    [Theory]
    [InlineData("http://smba.trafficmanager.net/amer/")]
    [InlineData("https://user:secret@smba.trafficmanager.net/amer/")]
    [InlineData("ftp://127.0.0.1/")]
    [InlineData("https://smba.trafficmanager.net/amer/?x=1")]
    [InlineData("not a url")]
    [InlineData("")]
    public async Task RefusesToSendTheTokenToAnUntrustworthyServiceUrl(string serviceUrl)
    {
        var result = await Client.SendToConversationAsync(serviceUrl, "a:1", Reply(), CancellationToken.None);

        Assert.Equal(ConnectorFailure.InvalidRequest, result.Failure);
        Assert.Empty(_connector.Requests);
    }

    [Fact]
    public async Task RefusesEmptyIds()
    {
        Assert.Equal(ConnectorFailure.InvalidRequest, (await Client.SendToConversationAsync(_connector.ServiceUrl, "", Reply(), CancellationToken.None)).Failure);
        Assert.Equal(ConnectorFailure.InvalidRequest, (await Client.ReplyToActivityAsync(_connector.ServiceUrl, "a:1", "", Reply(), CancellationToken.None)).Failure);
        Assert.Empty(_connector.Requests);
    }

    [Fact]
    public async Task ReportsATokenFailureWithoutSending()
    {
        await using var services = Build(tokens: new FailingTokenProvider());

        var result = await services.GetRequiredService<ConnectorClient>().SendToConversationAsync(_connector.ServiceUrl, "a:1", Reply(), CancellationToken.None);

        Assert.Equal(ConnectorFailure.TokenUnavailable, result.Failure);
        Assert.Empty(_connector.Requests);
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

    [Fact]
    public async Task TheTurnSenderAlwaysUsesTheInboundServiceUrl()
    {
        var inbound = new Activity
        {
            Type = "message",
            Id = "in-1",
            ServiceUrl = _connector.ServiceUrl,
            ChannelId = "msteams",
            From = new ChannelAccount { Id = "29:user" },
            Recipient = new ChannelAccount { Id = "28:bot" },
            Conversation = new ConversationAccount { Id = "19:general@thread.tacv2", ConversationType = "channel" },
        };
        var sender = new ConnectorActivitySender(Client, inbound);
        var reply = new Activity { Type = "message", Text = "hi", ReplyToId = "in-1", ServiceUrl = "https://attacker.example/" };

        var id = await sender.SendAsync(reply, CancellationToken.None);

        Assert.Equal("sent-1", id);
        Assert.Equal("/amer/v3/conversations/19%3Ageneral%40thread.tacv2%3Bmessageid%3Din-1/activities/in-1", Assert.Single(_connector.Requests).RawTarget);
        Assert.Equal(_connector.ServiceUrl, reply.ServiceUrl);
        Assert.Equal("28:bot", reply.From!.Id);
        Assert.Equal("29:user", reply.Recipient!.Id);
    }

    [Fact]
    public async Task TheTurnSenderThrowsWhenTheConnectorRefuses()
    {
        _connector.Script.Enqueue(FakeConnector.Status(500));
        var inbound = new Activity { Type = "message", ServiceUrl = _connector.ServiceUrl, Conversation = new ConversationAccount { Id = "a:1" } };
        var sender = new ConnectorActivitySender(Client, inbound);

        var error = await Assert.ThrowsAsync<ConnectorException>(() => sender.SendAsync(new Activity { Type = "message", Text = "x" }, CancellationToken.None));

        Assert.Equal(ConnectorFailure.ServerError, error.Result.Failure);
        await Assert.ThrowsAsync<ArgumentException>(() => sender.UpdateAsync(new Activity { Type = "message" }, CancellationToken.None));
    }

    private sealed class FailingTokenProvider : IBotTokenProvider
    {
        public Task<string?> GetTokenAsync(CancellationToken cancellationToken) => throw new HttpRequestException("login unreachable");

        public void Invalidate(string rejectedToken)
        {
        }
    }
}
