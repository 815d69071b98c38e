using Clinic.Knowledge.Retrieval;

namespace Clinic.Knowledge.Tests.Retrieval;

public class SpellingCorrectorTests
{
    private readonly SpellingCorrector _speller = new(["ketamine", "ketamine", "infusion", "depression", "pregnancy", "insurance", "side", "effects", "role"]);

    [Theory]
    [InlineData("ketamin", "ketamine")]
    [InlineData("infusoin", "infusion")]
    [InlineData("depresion", "depression")]
    [InlineData("insurence", "insurance")]
    [InlineData("pregnacny", "pregnancy")]
    public void CorrectsSlipsTowardsTheCorpusVocabulary(string typed, string expected) => Assert.Equal(expected, _speller.Correct(typed));

    [Theory]
    [InlineData("weather")]
    [InlineData("pizza")]
    [InlineData("side")]
    [InlineData("abc")]
    [InlineData("rule")]
    public void LeavesKnownShortAndDistantWordsAlone(string word) => Assert.Equal(word, _speller.Correct(word));

    [Fact]
    public void CountsATranspositionAsOneEdit() => Assert.Equal(1, SpellingCorrector.Distance("form", "from", 2));
}
