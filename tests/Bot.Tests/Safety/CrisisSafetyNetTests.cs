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
    [InlineData("this bot is killing it")]
    [InlineData("ok")]
    public void IsNotConsultedForExplicitWordsTheRulesJudgedOrForTinyMessages(string text)
    {
        // Idioms and negations with "kill", "die", "life" are the rules' call; a two-word message has no meaning to score.
        Assert.Equal(RulesOnly.Value.Classify(text).Level, SafetyFixture.Triage.Classify(text).Level);
        Assert.True(SafetyFixture.LevelOf(text) <= TriageLevel.Informational);
    }

    [Fact]
    public async Task GivesConcurrentTurnsTheSameVerdictsAsOneMessageAtATime()
    {
        // Turns classified at once share the safety net's embedding passes; verdicts and reported scores must not change.
        var texts = Clinic.Bot.Safety.Evaluation.SafetyEvaluation.ReadJsonl(SafetyFixture.RepoFile("eval/safety-dev.jsonl")).Select(i => i.Text).ToList();
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

    [Fact]
    public void AModelForAnotherEmbeddingIsRefused()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, """{"embeddingModel":"other","threshold":0.7,"minWords":3,"explicitWords":[],"trainedOn":"x","bias":0,"weights":[0.1,0.2]}""");
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
