using Clinic.Knowledge.Retrieval;

namespace Clinic.Knowledge.Tests.Retrieval;

public class LexiconTests
{
    [Theory]
    [InlineData("took", "take")]
    [InlineData("quicker", "quick")]
    [InlineData("fastest", "fast")]
    [InlineData("easier", "easy")]
    [InlineData("heavily", "heavy")]
    [InlineData("worse", "bad")]
    public void KnowsTheBaseWordOfAnInflectedOrDerivedForm(string form, string baseWord)
    {
        Assert.Contains(baseWord, Lexicon.BasesOf(form));
    }

    [Theory]
    [InlineData("liver")]
    [InlineData("ketamine")]
    [InlineData("quick")]
    public void GivesNoBaseWordForAWordThatIsNotAnInflection(string word)
    {
        Assert.Empty(Lexicon.BasesOf(word));
    }

    [Theory]
    [InlineData("kick")]
    [InlineData("kicks")]
    [InlineData("quitting")]
    [InlineData("decided")]
    [InlineData("took")]
    public void RecognisesWordsUsedMainlyAsVerbs(string word)
    {
        Assert.True(Lexicon.IsMainlyVerb(word));
    }

    [Theory]
    [InlineData("cancer")]
    [InlineData("weather")]
    [InlineData("tinnitus")]
    [InlineData("breakfast")]
    [InlineData("legal")]
    public void DoesNotTakeNounsOrAdjectivesForVerbs(string word)
    {
        Assert.False(Lexicon.IsMainlyVerb(word));
    }
}
