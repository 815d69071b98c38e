using Clinic.Knowledge.Retrieval;

namespace Clinic.Knowledge.Tests.Retrieval;

public class PorterStemmerTests
{
    // Pairs from Porter's published sample vocabulary and output.
    [Theory]
    [InlineData("caresses", "caress")]
    [InlineData("ponies", "poni")]
    [InlineData("agreed", "agre")]
    [InlineData("plastered", "plaster")]
    [InlineData("motoring", "motor")]
    [InlineData("hopping", "hop")]
    [InlineData("filing", "file")]
    [InlineData("happy", "happi")]
    [InlineData("relational", "relat")]
    [InlineData("conditional", "condit")]
    [InlineData("digitizer", "digit")]
    [InlineData("generalization", "gener")]
    [InlineData("hopefulness", "hope")]
    [InlineData("electrical", "electr")]
    [InlineData("adjustment", "adjust")]
    [InlineData("adoption", "adopt")]
    [InlineData("controll", "control")]
    [InlineData("probate", "probat")]
    public void MatchesPortersPublishedExamples(string word, string stem) => Assert.Equal(stem, PorterStemmer.Stem(word));

    [Fact]
    public void JoinsTheFormsOfAddiction()
    {
        var stems = new[] { "addicted", "addiction", "addictive", "addict" }.Select(PorterStemmer.Stem).Distinct();
        Assert.Single(stems);
    }
}
