using Clinic.Bot.Knowledge;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Clinic.Bot.Tests.Knowledge;

public sealed class AnswerOptionsTests
{
    [Theory]
    [InlineData("MinorTermWeight", "1.5")]
    [InlineData("MinorTermWeight", "-0.1")]
    [InlineData("MaxSentences", "0")]
    [InlineData("MinSimilarity", "2")]
    public async Task HostFailsToStartWithAnOutOfRangeAnswerSetting(string key, string value)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Knowledge:CorpusPath"] = Path.Combine(AppContext.BaseDirectory, "corpus"),
            ["Knowledge:IndexPath"] = Path.Combine(Path.GetTempPath(), $"answers-{Guid.NewGuid():N}.index"),
            ["Knowledge:Answers:" + key] = value,
        });
        builder.AddKnowledge();
        using var host = builder.Build();
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());
        Assert.Contains("Knowledge:Answers", error.Message, StringComparison.Ordinal);
    }
}
