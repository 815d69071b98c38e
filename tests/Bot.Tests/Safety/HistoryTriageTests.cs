using Clinic.Bot.Safety;

namespace Clinic.Bot.Tests.Safety;

/// <summary>A distant past is history, unless the same sentence says it came back.</summary>
public sealed class HistoryTriageTests
{
    [Theory]
    [InlineData("I used to self-harm as a teenager but I haven't in over a decade.")]
    [InlineData("I self harmed years ago, I'm doing well now")]
    public void DoesNotEscalateSelfHarmLongInThePast(string text) =>
        Assert.True(SafetyFixture.LevelOf(text) <= TriageLevel.Informational);

    [Theory]
    [InlineData("I used to self-harm as a teenager and I've relapsed")]
    [InlineData("I self harmed years ago and started again recently")]
    public void EscalatesSelfHarmThatCameBack(string text) =>
        Assert.Equal(TriageLevel.Crisis, SafetyFixture.LevelOf(text));

    [Fact]
    public void DoesNotEscalateAnMaoiStoppedLongAgo() =>
        Assert.True(SafetyFixture.LevelOf("I stopped Nardil over a year ago, I'm just on Zoloft now.") <= TriageLevel.Informational);

    [Theory]
    [InlineData("I stopped Nardil five days ago")]
    [InlineData("I'm on phenelzine")]
    public void EscalatesAnMaoiTakenNowOrRecently(string text) =>
        Assert.Equal(TriageLevel.Contraindication, SafetyFixture.LevelOf(text));
}
