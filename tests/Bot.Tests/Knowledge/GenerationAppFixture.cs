using Clinic.Bot.Tests.App;
using Clinic.Knowledge.Tests.Generation;

namespace Clinic.Bot.Tests.Knowledge;

/// <summary>The whole app with <c>Knowledge:Generation</c> pointing at a fake OpenAI-compatible server on loopback.</summary>
public class GenerationAppFixture : AppFixture, IAsyncLifetime
{
    // Started before the app, which reads its address from the settings.
    public FakeChatServer Model { get; } = FakeChatServer.StartAsync().GetAwaiter().GetResult();

    /// <summary>A faithful model: the first sentence of each of the first two passages, each citing its passage.</summary>
    public GenerationAppFixture() =>
        Model.Respond = r => FakeReply.Text($"{r.FirstSentence(1).TrimEnd('.')} [1]. {r.FirstSentence(2).TrimEnd('.')} [2].");

    protected override IReadOnlyDictionary<string, string> ExtraSettings => new Dictionary<string, string>
    {
        ["Knowledge:Generation:Provider"] = "OpenAI",
        ["Knowledge:Generation:Endpoint"] = Model.OpenAIEndpoint,
        ["Knowledge:Generation:Deployment"] = "gpt-test",
        ["Knowledge:Generation:ApiKey"] = "test-key",
        // Generous: the machine is shared and the budget is not what these tests measure.
        ["Knowledge:Generation:Timeout"] = "00:00:30",
        ["Knowledge:Generation:AttemptTimeout"] = "00:00:20",
        ["Knowledge:Generation:MaxRetries"] = "0",
        ["Knowledge:Generation:BreakerMinimumThroughput"] = "2",
        ["Knowledge:Generation:BreakerBreakDuration"] = "00:05:00",
    };

    Task IAsyncLifetime.InitializeAsync() => InitializeAsync();

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await Model.DisposeAsync();
    }
}

/// <summary>The same app with a model that always fails, so its breaker opens.</summary>
public sealed class FailingModelAppFixture : GenerationAppFixture
{
    public FailingModelAppFixture() => Model.Respond = _ => FakeReply.Error(500);
}
