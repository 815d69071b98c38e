using System.Collections.Concurrent;
using System.Text.Json;
using Clinic.Bot.Tests.Protocol;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Clinic.Bot.Tests.Escalation;

/// <summary>
/// The Bot Connector as Teams answers it, for a staff channel: POST /v3/conversations with channelData.channel.id
/// creates a thread and answers {id: "{channel};messageid={n}", activityId: n}; POST .../activities answers {id};
/// PUT .../activities/{id} replaces an activity (the latest body is kept per id). Scripted answers play failures.
/// </summary>
internal sealed class FakeTeams : IAsyncDisposable
{
    private readonly LocalServer _server;
    private long _nextId = 1712345678900;

    private FakeTeams(LocalServer server) => _server = server;

    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

    /// <summary>Answers for the next requests, in order; afterwards the connector succeeds.</summary>
    public ConcurrentQueue<Func<HttpContext, Task>> Script { get; } = new();

    /// <summary>The current body of each activity that was replaced, by activity id.</summary>
    public ConcurrentDictionary<string, string> Updated { get; } = new();

    public string ServiceUrl => _server.BaseUrl + "/amer/";

    public static async Task<FakeTeams> StartAsync()
    {
        FakeTeams? self = null;
        var server = await LocalServer.StartAsync(app => app.Run(context => self!.HandleAsync(context)));
        self = new FakeTeams(server);
        return self;
    }

    public List<RecordedRequest> Posts(string escalationId) =>
        Requests.Where(r => r.Method == "POST" && r.Body.Contains(escalationId, StringComparison.Ordinal)).ToList();

    private async Task HandleAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync();
        var target = context.Features.GetRequiredFeature<IHttpRequestFeature>().RawTarget;
        Requests.Enqueue(new RecordedRequest(context.Request.Method, target, context.Request.Headers.Authorization.ToString(), context.Request.ContentType, body));
        if (Script.TryDequeue(out var answer))
        {
            await answer(context);
            return;
        }

        var id = Interlocked.Increment(ref _nextId).ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (context.Request.Method == "POST" && target == "/amer/v3/conversations")
        {
            using var document = JsonDocument.Parse(body);
            var channel = document.RootElement.GetProperty("channelData").GetProperty("channel").GetProperty("id").GetString();
            context.Response.StatusCode = 201;
            await context.Response.WriteAsJsonAsync(new { id = $"{channel};messageid={id}", activityId = id });
        }
        else if (context.Request.Method == "PUT")
        {
            var activityId = Uri.UnescapeDataString(target[(target.LastIndexOf('/') + 1)..]);
            Updated[activityId] = body;
            await context.Response.WriteAsJsonAsync(new { id = activityId });
        }
        else
        {
            context.Response.StatusCode = 201;
            await context.Response.WriteAsJsonAsync(new { id });
        }
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();
}
