using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Clinic.Bot.Bot;
using Clinic.Bot.Protocol;
using Clinic.Bot.Protocol.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Clinic.Bot.Tests.Protocol;

/// <summary>POST /api/messages request handling, on real Kestrel, in local-development mode (no app id, loopback).</summary>
public sealed class BotEndpointTests : IAsyncLifetime
{
    private FakeConnector _connector = null!;
    private BotTestHost _bot = null!;

    public async Task InitializeAsync()
    {
        _connector = await FakeConnector.StartAsync();
        _bot = await BotTestHost.StartAsync(realTokenProvider: true);
    }

    public async Task DisposeAsync()
    {
        await _bot.DisposeAsync();
        await _connector.DisposeAsync();
    }

    private string Message(string id = "1712345678901", string type = "message") => TestActivities.Message(_connector.ServiceUrl, id: id, type: type);

    [Fact]
    public async Task AcceptsAnUnauthenticatedLoopbackCallerWhenNoAppIdIsConfigured()
    {
        using var response = await _bot.PostAsync(Message());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var turn = Assert.Single(_bot.Handler.Turns);
        Assert.Equal(TestActivities.SecretText, turn.Text);
        Assert.Contains(_bot.Logs.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("UNAUTHENTICATED", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RefusesACallerOffLoopbackWhenNoAppIdIsConfigured()
    {
        using var scope = _bot.Services.CreateScope();
        var context = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
        context.Connection.RemoteIpAddress = IPAddress.Parse("203.0.113.9");
        context.Request.Method = "POST";
        context.Request.ContentType = "application/json";
        context.Request.Body = new MemoryStream(Encoding.UTF8.GetBytes(Message()));

        var result = await scope.ServiceProvider.GetRequiredService<BotMessageProcessor>().ProcessAsync(context);

        Assert.Equal(StatusCodes.Status401Unauthorized, Assert.IsAssignableFrom<IStatusCodeHttpResult>(result).StatusCode);
        Assert.Empty(_bot.Handler.Turns);
    }

    [Theory]
    [InlineData("X-Forwarded-For", "198.51.100.4")]
    [InlineData("Forwarded", "for=198.51.100.4")]
    public async Task RefusesALoopbackCallerThatIsReallyAProxiedRemoteOneWhenNoAppIdIsConfigured(string header, string value)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages")
        {
            Content = new StringContent(Message(), Encoding.UTF8, "application/json"),
        };
        request.Headers.TryAddWithoutValidation(header, value);

        using var response = await _bot.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(_bot.Handler.Turns);
    }

    [Fact]
    public async Task RefusesAnOversizedBodyWith413()
    {
        var json = Message().Replace(TestActivities.SecretText, new string('a', 300 * 1024), StringComparison.Ordinal);

        using var response = await _bot.PostAsync(json);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Empty(_bot.Handler.Turns);
    }

    [Fact]
    public async Task RefusesAnOversizedChunkedBodyWith413()
    {
        var json = Message().Replace(TestActivities.SecretText, new string('a', 300 * 1024), StringComparison.Ordinal);
        using var content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(json)));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = content };
        request.Headers.TransferEncodingChunked = true;

        using var response = await _bot.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task AcceptsABodyJustUnderTheLimit()
    {
        var json = Message();
        json = json.Replace(TestActivities.SecretText, new string('a', (256 * 1024) - Encoding.UTF8.GetByteCount(json) + TestActivities.SecretText.Length), StringComparison.Ordinal);
        Assert.Equal(256 * 1024, Encoding.UTF8.GetByteCount(json));

        using var response = await _bot.PostAsync(json);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData("application/json; charset=utf-16")]
    public async Task RefusesAWrongContentTypeWith415(string contentType)
    {
        using var response = await _bot.PostAsync(Message(), contentType: contentType);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Empty(_bot.Handler.Turns);
    }

    [Fact]
    public async Task RefusesAMissingContentTypeWith415()
    {
        using var content = new ByteArrayContent(Encoding.UTF8.GetBytes(Message()));
        using var response = await _bot.Client.PostAsync("/api/messages", content);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }

    [Fact]
    public async Task AcceptsJsonWithAnExplicitUtf8Charset()
    {
        using var response = await _bot.PostAsync(Message(), contentType: "application/json; charset=utf-8");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("{\"type\": \"message\", ")]
    [InlineData("[1,2,3]")]
    [InlineData("{\"type\": {\"nested\": true}}")]
    [InlineData("{\"text\": \"no type\"}")]
    [InlineData("")]
    public async Task RefusesMalformedJsonWith400AndAShortGenericMessage(string json)
    {
        using var response = await _bot.PostAsync(json);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("Malformed activity.", await response.Content.ReadAsStringAsync());
        Assert.Empty(_bot.Handler.Turns);
    }

    [Fact]
    public async Task RefusesJsonNestedTooDeepWith400()
    {
        var json = "{\"type\":\"message\",\"channelData\":" + new string('[', 5000) + new string(']', 5000) + "}";

        using var response = await _bot.PostAsync(json);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("TooDeep", _bot.Logs.All, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OnlyPostIsAllowed()
    {
        using var response = await _bot.Client.GetAsync("/api/messages");

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
    }

    [Fact]
    public async Task ProcessesARedeliveredActivityOnce()
    {
        using var first = await _bot.PostAsync(Message(id: "dup-1"));
        using var second = await _bot.PostAsync(Message(id: "dup-1"));
        using var other = await _bot.PostAsync(Message(id: "dup-2"));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(["dup-1", "dup-2"], _bot.Handler.Turns.Select(t => t.Id));
    }

    [Fact]
    public async Task DropsARedeliveryThatArrivesWhileTheFirstTurnIsStillRunning()
    {
        var release = new TaskCompletionSource<InvokeResponse?>(TaskCreationOptions.RunContinuationsAsynchronously);
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _bot.Handler.Behaviour = (_, _, _) =>
        {
            started.TrySetResult();
            return release.Task;
        };

        var first = _bot.PostAsync(Message(id: "slow-1"));
        await started.Task;
        using var resend = await _bot.PostAsync(Message(id: "slow-1"));
        release.SetResult(null);
        using var firstResponse = await first;

        Assert.Equal(HttpStatusCode.OK, resend.StatusCode);
        Assert.Equal(HttpStatusCode.OK, firstResponse.StatusCode);
        Assert.Single(_bot.Handler.Turns);
    }

    [Fact]
    public async Task ATurnThatFailsAnswers500AndLetsTheRedeliveryThrough()
    {
        var calls = 0;
        _bot.Handler.Behaviour = (activity, _, _) => Interlocked.Increment(ref calls) == 1
            ? throw new InvalidOperationException("could not answer: " + activity.Text)
            : Task.FromResult<InvokeResponse?>(null);

        using var failed = await _bot.PostAsync(Message(id: "retry-1"));
        using var redelivered = await _bot.PostAsync(Message(id: "retry-1"));

        Assert.Equal(HttpStatusCode.InternalServerError, failed.StatusCode);
        Assert.Equal(string.Empty, await failed.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, redelivered.StatusCode);
        Assert.Equal(2, _bot.Handler.Turns.Count);
        Assert.Contains("InvalidOperationException", _bot.Logs.All, StringComparison.Ordinal);
        Assert.DoesNotContain(TestActivities.SecretText, _bot.Logs.All, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReturnsTheInvokeResponseStatusAndBody()
    {
        _bot.Handler.Behaviour = (_, _, _) => Task.FromResult<InvokeResponse?>(
            new InvokeResponse(200, new { statusCode = 200, type = "application/vnd.microsoft.activity.message", value = "Thanks" }));

        using var response = await _bot.PostAsync(Message(type: ActivityTypes.Invoke));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("Thanks", body.RootElement.GetProperty("value").GetString());
        Assert.Equal("application/vnd.microsoft.activity.message", body.RootElement.GetProperty("type").GetString());
    }

    [Fact]
    public async Task ReturnsTheInvokeStatusWhenThereIsNoBody()
    {
        _bot.Handler.Behaviour = (_, _, _) => Task.FromResult<InvokeResponse?>(new InvokeResponse(202, null));

        using var response = await _bot.PostAsync(Message(type: ActivityTypes.Invoke));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }

    [Fact]
    public async Task AnUnhandledInvokeIs501()
    {
        using var response = await _bot.PostAsync(Message(type: ActivityTypes.Invoke));

        Assert.Equal(HttpStatusCode.NotImplemented, response.StatusCode);
    }

    [Fact]
    public async Task RepliesGoToTheConnectorAndTheChannelsIdComesBack()
    {
        string? sentId = null;
        _bot.Handler.Behaviour = async (activity, sender, ct) =>
        {
            sentId = await sender.SendAsync(activity.CreateReply("We are open 9 to 5."), ct);
            return null;
        };

        using var response = await _bot.PostAsync(Message(id: "in-1"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var request = Assert.Single(_connector.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/amer/v3/conversations/a%3A1conv-personal/activities/in-1", request.RawTarget);
        Assert.Equal(string.Empty, request.Authorization);
        Assert.Equal("sent-1", sentId);
        using var body = JsonDocument.Parse(request.Body);
        Assert.Equal("We are open 9 to 5.", body.RootElement.GetProperty("text").GetString());
        Assert.Equal("28:" + BotTestHost.AppId, body.RootElement.GetProperty("from").GetProperty("id").GetString());
        Assert.False(body.RootElement.TryGetProperty("id", out _));
    }
}
