using Clinic.Knowledge.Retrieval;

namespace Clinic.Knowledge.Tests.Retrieval;

public class TextAnalyzerTests
{
    [Theory]
    [InlineData("dose", "doses", "dosing", "dosed")]
    [InlineData("infusion", "infusions", "infusion", "infusions")]
    [InlineData("treatment", "treatments", "treatment", "treatments")]
    public void StemsInflectionsOfAWordToOneTerm(string a, string b, string c, string d)
    {
        var stems = new[] { a, b, c, d }.Select(TextAnalyzer.Stem).Distinct().ToList();
        Assert.Single(stems);
    }

    [Fact]
    public void FoldsCaseAccentsAndCurlyApostrophes()
    {
        Assert.Equal(["ketamine", "effect", "cafe"], TextAnalyzer.Words("KETAMINE’s Effect, Café!"));
    }

    [Fact]
    public void DropsQuestionWordsButKeepsTopicWords()
    {
        var terms = TextAnalyzer.Terms("What are the side effects of the nasal spray?");
        Assert.Equal(new[] { "side", "effects", "nasal", "spray" }.Select(TextAnalyzer.Stem), terms);
    }

    [Fact]
    public void DropsSpokenFillersSoTheyAreNotReadAsRareTopicWords()
    {
        var terms = TextAnalyzer.Terms("Could you give me a good idea how long the effects keep going? A lot of people get scared");
        Assert.Equal(new[] { "idea", "long", "effects", "people", "scared" }.Select(TextAnalyzer.Stem), terms);
    }

    [Fact]
    public void ReadsUpperCaseImAsTheRouteAndLowerCaseImAsIAm()
    {
        Assert.Contains("intramuscular", TextAnalyzer.Terms("Is IM ketamine better?"));
        Assert.Empty(TextAnalyzer.Terms("im ok"));
    }

    [Fact]
    public void KeepsNumbersAsTerms()
    {
        Assert.Contains("24", TextAnalyzer.Terms("Can I drive within 24 hours?"));
    }
}
