using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Clinic.Bot.Tests.App;

/// <summary>The app with a low per-conversation limit, so a test can reach it.</summary>
public sealed class LimitedAppFixture : AppFixture
{
    protected override IReadOnlyDictionary<string, string> ExtraSettings { get; } = new Dictionary<string, string>
    {
        ["RateLimit:MessagesPerConversationPerMinute"] = "3",
    };
}

public sealed class HardeningTests(LimitedAppFixture app) : IClassFixture<LimitedAppFixture>
{
    [Fact]
    public async Task SlowsDownAConversationThatPostsTooFastWithAFriendlyMessage()
    {
        var visitor = await app.NewVisitorAsync();
        var other = await app.NewVisitorAsync();
        for (var i = 0; i < 3; i++)
            await visitor.AskAsync("hi");

        var token = (await (await app.Http.PostAsync("/api/directline/token", null)).Content.ReadFromJsonAsync<JsonObject>())!;
        var refused = await PostAsync(visitor);
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.NotNull(refused.Headers.RetryAfter);
        var body = await refused.Content.ReadFromJsonAsync<JsonObject>();
        Assert.Contains("wait a moment", body!["error"]!["message"]!.GetValue<string>());

        // Another visitor is not slowed by the first.
        Assert.NotEmpty(await other.AskAsync("What is ketamine?"));
        Assert.NotNull(token["token"]);
    }

    private async Task<HttpResponseMessage> PostAsync(Visitor visitor)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/v3/directline/conversations/{visitor.ConversationId}/activities")
        {
            Content = JsonContent.Create(new { type = "message", from = new { id = "visitor" }, text = "one more" }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", visitor.Token);
        return await app.Http.SendAsync(request);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/healthz")]
    [InlineData("/api/chat/config")]
    public async Task SendsSecurityHeadersOnEveryResponse(string path)
    {
        var response = await app.Http.GetAsync(path);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.True(response.Headers.Contains("Content-Security-Policy") || response.Content.Headers.Contains("Content-Security-Policy"));
    }
}
