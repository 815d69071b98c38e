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

    [Fact]
    public async Task RetrainsAModelFileOfTheOlderLinearKindKeepingItsReviewedSettings()
    {
        var set = Path.GetTempFileName();
        await File.WriteAllLinesAsync(set,
        [
            """{"text": "I have the pills counted out and tonight is the night", "label": "crisis"}""",
            """{"text": "my husband is driving me home after the infusion", "label": "none"}""",
        ]);
        var model = Path.GetTempFileName();
        await File.WriteAllTextAsync(model, """{"embeddingModel":"use-lite-0.2.0","threshold":0.7,"minWords":4,"explicitWords":["suicid*"],"trainedOn":"x","bias":0.5,"weights":[0.1,0.2]}""");
        var error = new StringWriter();

        var code = await CommandLine.RunAsync(["train-safety-net", set, "--out", model, "--epochs", "20"], TextReader.Null, TextWriter.Null, error);

        Assert.True(code == 0, error.ToString());
        var trained = Clinic.Bot.Safety.Semantic.CrisisNetModel.Load(model);
        Assert.Equal(Clinic.Knowledge.Embeddings.UniversalSentenceEncoder.Dimensions, trained.Network.Inputs);
        Assert.Equal((0.7, 4, "suicid*"), (trained.Threshold, trained.MinWords, Assert.Single(trained.ExplicitWords)));
        File.Delete(set);
        File.Delete(model);
    }

    [Fact]
    public async Task RefusesAModelFileWithoutItsReviewedSettingsAndSaysWhy()
    {
        var set = Path.GetTempFileName();
        await File.WriteAllLinesAsync(set, ["""{"text": "i want to die", "label": "crisis"}"""]);
        var model = Path.GetTempFileName();
        await File.WriteAllTextAsync(model, """{"threshold": 3}""");
        var error = new StringWriter();

        var code = await CommandLine.RunAsync(["train-safety-net", set, "--out", model], TextReader.Null, TextWriter.Null, error);

        Assert.Equal(2, code);
        Assert.Contains("threshold in (0,1)", error.ToString());
        Assert.Equal("""{"threshold": 3}""", await File.ReadAllTextAsync(model));
        File.Delete(set);
        File.Delete(model);
    }
}
