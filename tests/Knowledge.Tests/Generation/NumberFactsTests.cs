using Clinic.Knowledge.Generation;

namespace Clinic.Knowledge.Tests.Generation;

public sealed class NumberFactsTests
{
    [Theory]
    [InlineData("lasts 40 minutes", "40 minute")]
    [InlineData("for 24 hrs", "24 hour")]
    [InlineData("a dose of 0.5 mg/kg", "0.5 mg/kg")]
    [InlineData("0.5 to 1 mg/kg", "0.5-1 mg/kg")]
    [InlineData("0.5–1 mg/kg", "0.5-1 mg/kg")]
    [InlineData("costs $1,200", "1200 $")]
    [InlineData("costs 1200 dollars", "1200 $")]
    [InlineData("about 70 percent", "70 %")]
    [InlineData("about 70%", "70 %")]
    [InlineData("six infusions", "6 infusion")]
    [InlineData("twice a week", "2x")]
    [InlineData("since March 2019", "march")]
    public void NormalisesValueAndUnit(string text, string fact) => Assert.Contains(fact, NumberFacts.Extract(text));

    [Fact]
    public void DistinguishesUnits() => Assert.DoesNotContain("40 hour", NumberFacts.Extract("lasts 40 minutes"));

    [Fact]
    public void ReadsTheVerbMayAsNoDate() => Assert.Empty(NumberFacts.Extract("You may feel dizzy."));

    [Fact]
    public void ReadsMayBeforeAYearAsADate() => Assert.Contains("may", NumberFacts.Extract("Approved in May 2019."));
}
