using Clinic.Knowledge.Retrieval;

namespace Clinic.Knowledge.Tests.Retrieval;

public class AbbreviationsTests
{
    private static readonly Abbreviations Table = Abbreviations.Parse("# comment\nbp = blood pressure\nmeds = medications\nER = emergency room\n");

    [Fact]
    public void SpellsOutAnAbbreviationAndRecordsIt()
    {
        var replaced = new List<(string, string)>();
        var text = Table.Expand("Will my BP go up? I take meds.", _ => false, replaced);
        Assert.Equal("Will my blood pressure go up? I take medications.", text);
        Assert.Equal([("BP", "blood pressure"), ("meds", "medications")], replaced);
    }

    [Fact]
    public void MatchesAnAbbreviationWrittenInCapitalsOnlyInCapitals()
    {
        var replaced = new List<(string, string)>();
        Assert.Equal("er, why do emergency room doctors use it", Table.Expand("er, why do ER doctors use it", _ => false, replaced));
        Assert.Single(replaced);
    }

    [Fact]
    public void LeavesAnAbbreviationTheCorpusUsesItself()
    {
        var replaced = new List<(string, string)>();
        Assert.Equal("is my BP ok", Table.Expand("is my BP ok", word => word == "BP", replaced));
        Assert.Empty(replaced);
    }

    [Fact]
    public void LeavesAbbreviationsInsideLongerWordsAlone()
    {
        var replaced = new List<(string, string)>();
        Assert.Equal("bpm and medsure", Table.Expand("bpm and medsure", _ => false, replaced));
        Assert.Empty(replaced);
    }

    [Fact]
    public void RejectsALineWithoutAnEqualsSign()
    {
        var e = Assert.Throws<FormatException>(() => Abbreviations.Parse("bp blood pressure"));
        Assert.Contains("bp blood pressure", e.Message);
    }

    [Fact]
    public void ShipsATableThatParses()
    {
        var replaced = new List<(string, string)>();
        Assert.Contains("blood pressure", Abbreviations.Default.Expand("my bp", _ => false, replaced));
    }
}
