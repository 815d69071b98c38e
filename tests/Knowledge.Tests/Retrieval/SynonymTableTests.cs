using Clinic.Knowledge.Retrieval;

namespace Clinic.Knowledge.Tests.Retrieval;

public class SynonymTableTests
{
    [Fact]
    public void ExpandsABrandNameToTheRouteItIs()
    {
        var added = SynonymTable.Default.Expand(TextAnalyzer.Terms("Is Spravato safe?"));
        Assert.Contains(TextAnalyzer.Stem("esketamine"), added);
        Assert.Contains("nasal", added);
    }

    [Fact]
    public void MatchesMultiWordPhrasesOnlyWhole()
    {
        var table = SynonymTable.Parse("side effects | adverse effects");
        Assert.NotEmpty(table.Expand(TextAnalyzer.Terms("any side effects?")));
        Assert.Empty(table.Expand(TextAnalyzer.Terms("which side of the clinic?")));
    }

    [Fact]
    public void IgnoresCommentsAndSingletonLines()
    {
        var table = SynonymTable.Parse("# a comment\nlonely\n\niv | intravenous");
        Assert.Equal([TextAnalyzer.Stem("intravenous")], table.Expand(["iv"]));
    }

    [Theory]
    [InlineData("what does ketamine do to the body?")]
    [InlineData("I can't sleep")]
    public void ShippedTableDoesNotExpandEverydayWords(string question)
    {
        Assert.Empty(SynonymTable.Default.Expand(TextAnalyzer.Terms(question)));
    }
}
