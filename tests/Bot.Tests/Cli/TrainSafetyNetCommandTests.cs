using Clinic.Bot.Cli;

namespace Clinic.Bot.Tests.Cli;

[Collection(nameof(CliCollection))]
public sealed class TrainSafetyNetCommandTests
{
    [Fact]
    public async Task RefusesAMissingLabelledSetAndLeavesTheModelAsItWas()
    {
        var model = Path.GetTempFileName();
        await File.WriteAllTextAsync(model, "{\"threshold\": 0.8}");
        var missing = Path.Combine(Path.GetTempPath(), $"no-such-set-{Guid.NewGuid():N}.jsonl");
        var output = new StringWriter();
        var error = new StringWriter();

        var code = await CommandLine.RunAsync(["train-safety-net", missing, "--out", model], TextReader.Null, output, error);

        Assert.Equal(2, code);
        Assert.Contains("needs the labelled sets", error.ToString());
        Assert.Contains(missing, error.ToString());
        Assert.Equal("{\"threshold\": 0.8}", await File.ReadAllTextAsync(model));
        File.Delete(model);
    }

    [Fact]
    public async Task RefusesToTrainWithoutAnExistingModelFileForItsSettings()
    {
        var set = Path.GetTempFileName();
        await File.WriteAllLinesAsync(set, ["""{"text": "i want to die", "label": "crisis"}"""]);
        var model = Path.Combine(Path.GetTempPath(), $"no-such-model-{Guid.NewGuid():N}.json");
        var error = new StringWriter();

        var code = await CommandLine.RunAsync(["train-safety-net", set, "--out", model], TextReader.Null, TextWriter.Null, error);

        Assert.Equal(2, code);
        Assert.Contains("existing model file", error.ToString());
        Assert.False(File.Exists(model));
        File.Delete(set);
    }
}
