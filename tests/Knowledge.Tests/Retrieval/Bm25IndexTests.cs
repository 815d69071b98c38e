using Clinic.Knowledge.Retrieval;

namespace Clinic.Knowledge.Tests.Retrieval;

public class Bm25IndexTests
{
    private readonly Bm25Index _index = new(
    [
        ["ketamine", "infusion", "hour"],
        ["ketamine", "nasal", "spray"],
        ["ketamine", "side", "effect", "nausea"],
    ]);

    [Fact]
    public void RanksTheDocumentWithTheRareTermFirst()
    {
        var scores = _index.Score([("nausea", 1.0), ("ketamine", 1.0)]);
        Assert.Equal(2, Array.IndexOf(scores, scores.Max()));
    }

    [Fact]
    public void GivesACommonTermLessWeightThanARareOne() => Assert.True(_index.Idf("ketamine") < _index.Idf("spray"));

    [Fact]
    public void ScoresUnknownTermsAsNothing() => Assert.All(_index.Score([("pizza", 1.0)]), s => Assert.Equal(0, s));

    [Fact]
    public void WeighsExpansionsBelowTypedWords()
    {
        var typed = _index.Score([("spray", 1.0)]);
        var expanded = _index.Score([("spray", 0.5)]);
        Assert.True(expanded[1] < typed[1]);
    }
}
