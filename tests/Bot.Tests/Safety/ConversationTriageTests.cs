using Clinic.Bot.Safety;

namespace Clinic.Bot.Tests.Safety;

public sealed class ConversationTriageTests
{
    [Fact]
    public void RiskStatedEarlierStaysInForce()
    {
        var triage = SafetyFixture.Triage;
        var first = triage.Classify("I've been thinking about ending my life", earlier: null);
        var second = triage.Classify("anyway, what are your hours?", first);
        Assert.Equal(TriageLevel.Crisis, second.Level);
        Assert.Contains(second.Reasons, r => r.StartsWith("crisis.", StringComparison.Ordinal));
    }

    [Fact]
    public void LaterRiskRaisesTheLevel()
    {
        var triage = SafetyFixture.Triage;
        var first = triage.Classify("I'm pregnant", earlier: null);
        var second = triage.Classify("and I want to die", first);
        Assert.Equal(TriageLevel.Crisis, second.Level);
        Assert.Contains(second.Reasons, r => r.StartsWith("contra.pregnancy", StringComparison.Ordinal));
    }

    [Fact]
    public void NoEarlierResultIsTheMessageAlone() =>
        Assert.Equal(TriageLevel.None, SafetyFixture.Triage.Classify("hello", TriageResult.None).Level);
}
