using Clinic.Bot.Safety;

namespace Clinic.Bot.Tests.Safety;

public sealed class CrisisSafetyNetTests
{
    private static readonly Lazy<SafetyTriage> RulesOnly = new(() => new SafetyTriage(SafetyTerms.Load()));

    [Theory]
    [InlineData("I've put my passwords and bank details in an envelope for my brother. He'll need them soon.")]
    [InlineData("I keep staring at the pill bottle on my nightstand")]
    public void EscalatesHintsTheRulesDoNotName(string text)
    {
        Assert.Equal(TriageLevel.None, RulesOnly.Value.Classify(text).Level);
        var result = SafetyFixture.Triage.Classify(text);
        Assert.Equal(TriageLevel.Crisis, result.Level);
        Assert.StartsWith("crisis.semantic-net:score=", Assert.Single(result.Reasons));
    }

    [Theory]
    [InlineData("Can I bring my husband to my first appointment?")]
    [InlineData("what should I wear to my infusion")]
    [InlineData("I'm nervous but hopeful about starting next week")]
    public void LeavesOrdinaryMessagesAlone(string text) =>
        Assert.Equal(TriageLevel.None, SafetyFixture.LevelOf(text));

    [Fact]
    public void NeverReplacesWhatTheRulesFound()
    {
        var result = SafetyFixture.Triage.Classify("I'm pregnant, can I still have ketamine?");
        Assert.Equal(TriageLevel.Contraindication, result.Level);
        Assert.DoesNotContain(result.Reasons, r => r.StartsWith("crisis.semantic-net", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("I've had enough of this life. I've been quietly saving up my pain pills.")]
    [InlineData("Honestly I'm done. My life insurance papers are on the kitchen table for my sister.")]
    [InlineData("Please tell my mom I'm sorry. I won't be around to see how the treatment works out, life got too heavy.")]
    public void EscalatesHintsThatUseALifeOrDeathWordNoRuleMatched(string text)
    {
        // "life" or "die" alone used to keep the net away; when no rule matched the words, nobody had judged them.
        Assert.Equal(TriageLevel.None, RulesOnly.Value.Classify(text).Level);
        Assert.Equal(TriageLevel.Crisis, SafetyFixture.LevelOf(text));
    }

    [Theory]
    [InlineData("this bot is killing it")]
    [InlineData("I have never been suicidal")]
    [InlineData("I'm not suicidal, just really burned out")]
    [InlineData("that intake form is going to be the death of me")]
    [InlineData("ok")]
    public void IsNotConsultedWhenTheRulesJudgedTheCrisisWordingOrForTinyMessages(string text)
    {
        // Idioms and negations of crisis wording are the rules' call; a two-word message has no meaning to score.
        Assert.Equal(RulesOnly.Value.Classify(text).Level, SafetyFixture.Triage.Classify(text).Level);
        Assert.True(SafetyFixture.LevelOf(text) <= TriageLevel.Informational);
    }

    [Theory]
    [InlineData("My grandma died last spring and I still miss her, is grief counseling part of KAP?")]
    [InlineData("Ketamine honestly saved my life, thank you all")]
    [InlineData("I feel like I'm getting my life back")]
    public void LeavesEverydayLifeAndDeathWordsAlone(string text) =>
        Assert.Equal(TriageLevel.None, SafetyFixture.LevelOf(text));

    [Fact]
    public async Task GivesConcurrentTurnsTheSameVerdictsAsOneMessageAtATime()
    {
        // Turns classified at once share the safety net's embedding passes; verdicts and reported scores must not change.
        // The third blind set has hints only the net catches; the dev set, messages the rules decide.
        var texts = new[] { "eval/safety-dev.jsonl", "eval/safety-blind3.jsonl" }
            .SelectMany(f => Clinic.Bot.Safety.Evaluation.SafetyEvaluation.ReadJsonl(SafetyFixture.RepoFile(f))).Select(i => i.Text).ToList();
        var alone = texts.Select(t => SafetyFixture.Triage.Classify(t)).ToList();

        var together = await Task.WhenAll(texts.Select(t => Task.Run(() => SafetyFixture.Triage.ClassifyAsync(t, CancellationToken.None))));

        Assert.Contains(alone, r => r.Reasons.Any(reason => reason.StartsWith("crisis.semantic-net", StringComparison.Ordinal)));
        for (var i = 0; i < texts.Count; i++)
        {
            Assert.Equal(alone[i].Level, together[i].Level);
            Assert.Equal(alone[i].Reasons, together[i].Reasons);
        }
    }

    [Fact]
    public void ACorruptModelFileFailsWithTheFix()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, "{\"threshold\": 2");
            var error = Assert.Throws<SafetyTermsException>(() => CrisisSafetyNet.Load(SharedEncoder.Value, path));
            Assert.Contains("train-safety-net", error.Message);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData("""{"embeddingModel":"use-lite-0.2.0","threshold":0.8,"minWords":3,"explicitWords":[],"trainedOn":"x","network":{}}""")]
    [InlineData("""{"embeddingModel":"use-lite-0.2.0","threshold":0.8,"minWords":3,"explicitWords":[],"trainedOn":"x","network":{"hiddenWeights":[0.1],"hiddenBias":[0,0],"outputWeights":[1],"outputBias":0}}""")]
    [InlineData("""{"embeddingModel":"use-lite-0.2.0","threshold":0.8,"minWords":3,"explicitWords":[],"trainedOn":"x","bias":0.1,"weights":[0.1,0.2]}""")]
    public void AModelWithoutACompleteNetworkFailsWithTheFix(string json)
    {
        // An empty or mis-sized network, or the older linear kind of file.
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, json);
            var error = Assert.Throws<SafetyTermsException>(() => CrisisSafetyNet.Load(SharedEncoder.Value, path));
            Assert.Contains("train-safety-net", error.Message);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void AModelForAnotherEmbeddingIsRefused()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, """{"embeddingModel":"other","threshold":0.7,"minWords":3,"explicitWords":[],"trainedOn":"x","network":{"hiddenWeights":[0.1,0.2],"hiddenBias":[0],"outputWeights":[1],"outputBias":0}}""");
            var error = Assert.Throws<SafetyTermsException>(() => CrisisSafetyNet.Load(SharedEncoder.Value, path));
            Assert.Contains("other", error.Message);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static readonly Lazy<Clinic.Knowledge.Embeddings.UniversalSentenceEncoder> SharedEncoder = new(() => new());
}
