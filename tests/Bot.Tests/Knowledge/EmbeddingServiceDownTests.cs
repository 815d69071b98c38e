using System.Net;
using Clinic.Bot.Tests.App;
using Clinic.Bot.Tests.Escalation;
using Clinic.Knowledge.Indexing;
using Clinic.Knowledge.Tests.Fakes;
using Microsoft.Extensions.DependencyInjection;

namespace Clinic.Bot.Tests.Knowledge;

/// <summary>The app configured for Azure embeddings whose endpoint answers nothing yet.</summary>
public sealed class DownEmbeddingsApp : AppFixture
{
    public int Port { get; } = FreePort.Loopback();

    protected override IReadOnlyDictionary<string, string> ExtraSettings => new Dictionary<string, string>
    {
        ["Knowledge:Embeddings:Provider"] = "AzureOpenAI",
        ["Knowledge:Embeddings:Endpoint"] = $"http://127.0.0.1:{Port}/openai/v1/",
        ["Knowledge:Embeddings:Deployment"] = "embeddings",
        ["Knowledge:Embeddings:ApiKey"] = FakeEmbeddingsServer.ApiKey,
        ["Knowledge:Embeddings:MaxRetries"] = "0",
    };
}

public sealed class EmbeddingServiceDownTests(DownEmbeddingsApp app) : IClassFixture<DownEmbeddingsApp>
{
    [Fact]
    public async Task StartsUnreadyInsteadOfCrashingAndBecomesReadyOnceTheServiceAnswers()
    {
        var provider = app.Services.GetRequiredService<KnowledgeIndexProvider>();
        Assert.Equal(HttpStatusCode.OK, (await app.Http.GetAsync("/healthz")).StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await app.Http.GetAsync("/readyz")).StatusCode);
        Assert.Contains("Knowledge:Embeddings:Endpoint", provider.LastError);

        await using var server = await FakeEmbeddingsServer.StartAsync(port: app.Port);
        await provider.GetAsync();

        Assert.Equal(HttpStatusCode.OK, (await app.Http.GetAsync("/readyz")).StatusCode);
        Assert.Contains(server.Requests, r => r.Model == "embeddings" && r.Status == 200);
    }
}
