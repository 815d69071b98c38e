using System.Text.Json;
using Clinic.Bot.Cli;

namespace Clinic.Bot.Tests.Cli;

/// <summary>The command line in process, against the corpus copied next to the tests (the working directory of the test run).</summary>
[Collection(nameof(CliCollection))]
public sealed class AskCommandTests
{
    private static async Task<(int Code, string Output, string Error)> RunAsync(string input, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var previous = Directory.GetCurrentDirectory();
        Directory.SetCurrentDirectory(AppContext.BaseDirectory);
        try
        {
            var code = await CommandLine.RunAsync(args, new StringReader(input), output, error);
            return (code, output.ToString(), error.ToString());
        }
        finally
        {
            Directory.SetCurrentDirectory(previous);
        }
    }

    [Fact]
    public async Task PrintsTheStableJsonContract()
    {
        var (code, output, _) = await RunAsync("", "ask", "--json", "What are the side effects of ketamine?");
        Assert.Equal(0, code);
        using var doc = JsonDocument.Parse(output);
        var root = doc.RootElement;
        Assert.Equal("What are the side effects of ketamine?", root.GetProperty("question").GetString());
        Assert.True(root.GetProperty("answered").GetBoolean());
        Assert.NotEmpty(root.GetProperty("answer").GetString()!);
        var citation = root.GetProperty("citations")[0];
        foreach (var field in new[] { "source", "title", "section", "quote" })
            Assert.False(string.IsNullOrEmpty(citation.GetProperty(field).GetString()));
        Assert.NotEqual(0, root.GetProperty("disclaimers").GetArrayLength());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("escalation").ValueKind);
    }

    [Fact]
    public async Task FillsTheEscalationForACrisis()
    {
        var (_, output, _) = await RunAsync("", "ask", "--json", "my husband took too much and won't wake up");
        using var doc = JsonDocument.Parse(output);
        var escalation = doc.RootElement.GetProperty("escalation");
        Assert.Equal("crisis", escalation.GetProperty("kind").GetString());
        Assert.NotEqual(0, escalation.GetProperty("reasons").GetArrayLength());
        Assert.Contains("911", doc.RootElement.GetProperty("answer").GetString());
    }

    [Fact]
    public async Task AnswersOneJsonLinePerInputLineInOrder()
    {
        var (code, output, _) = await RunAsync("What is ketamine?\n\nwhat's the capital of france\n{\"question\": \"Is ketamine addictive?\"}\n", "ask", "--jsonl");
        Assert.Equal(0, code);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(4, lines.Length);
        var questions = lines.Select(l => JsonDocument.Parse(l).RootElement.GetProperty("question").GetString()).ToList();
        Assert.Equal(["What is ketamine?", "", "what's the capital of france", "Is ketamine addictive?"], questions);
        Assert.False(JsonDocument.Parse(lines[1]).RootElement.GetProperty("answered").GetBoolean());
    }

    [Theory]
    [InlineData("   ")]
    [InlineData("\u0000\u0001\u0002\u0003")]
    public async Task GivesAClearMessageForBadQuestions(string question)
    {
        var (code, output, error) = await RunAsync("", "ask", question);
        Assert.Equal(0, code);
        Assert.DoesNotContain("Exception", output + error);
        Assert.False(string.IsNullOrWhiteSpace(output));
    }

    [Fact]
    public async Task RefusesAHundredKilobyteQuestionWithoutATrace()
    {
        var (code, output, error) = await RunAsync("", "ask", "--json", new string('x', 100_000));
        Assert.Equal(0, code);
        Assert.Contains("too long", output);
        Assert.DoesNotContain("Exception", error);
    }

    [Fact]
    public async Task ShowsUsageForAMissingQuestion()
    {
        var (code, _, error) = await RunAsync("", "ask");
        Assert.Equal(2, code);
        Assert.Contains("Usage", error);
    }

    [Fact]
    public async Task EvaluatesAQuestionSetAndReportsTheFigures()
    {
        var file = Path.GetTempFileName();
        await File.WriteAllLinesAsync(file,
        [
            """{"question": "what are the side effects", "evidence": ["dizziness"]}""",
            """{"question": "best pizza in town?", "answerable": false}""",
        ]);
        var (code, output, _) = await RunAsync("", "eval", file);
        File.Delete(file);
        Assert.Equal(0, code);
        Assert.Contains("recall@1:", output);
        Assert.Contains("MRR:", output);
        Assert.Contains("decline rate (out-of-scope): 100.0% (1/1)", output);
    }

    [Fact]
    public async Task ReportsABrokenEvaluationLineWithItsNumber()
    {
        var file = Path.GetTempFileName();
        await File.WriteAllLinesAsync(file, ["""{"question": "ok"}""", "{not json"]);
        var (code, _, error) = await RunAsync("", "eval", file);
        File.Delete(file);
        Assert.Equal(2, code);
        Assert.Contains(":2:", error);
    }
}

[CollectionDefinition(nameof(CliCollection), DisableParallelization = true)]
public sealed class CliCollection;

[Collection(nameof(CliCollection))]
public sealed class ManifestCommandTests
{
    [Fact]
    public async Task BuildsTheTeamsPackageAndRefusesABadAppId()
    {
        var root = Directory.GetParent(AppContext.BaseDirectory)!;
        while (!File.Exists(Path.Combine(root.FullName, "package.json")))
            root = root.Parent!;
        var zip = Path.Combine(Path.GetTempPath(), $"teams-{Guid.NewGuid():N}.zip");
        var folder = Path.Combine(root.FullName, "manifest");
        var output = new StringWriter();
        var error = new StringWriter();

        var ok = await CommandLine.RunAsync(["manifest", "--app-id", "6f1c2d3e-4a5b-4c6d-8e9f-0a1b2c3d4e5f", "--domain", "bot.example.org", "--folder", folder, "--out", zip], TextReader.Null, output, error);
        var bad = await CommandLine.RunAsync(["manifest", "--app-id", "not-a-guid", "--domain", "bot.example.org", "--folder", folder, "--out", zip + "2"], TextReader.Null, output, error);

        Assert.Equal(0, ok);
        Assert.True(File.Exists(zip));
        Assert.Equal(1, bad);
        Assert.Contains("GUID", error.ToString());
        File.Delete(zip);
    }
}
