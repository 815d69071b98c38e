using Clinic.Knowledge.Corpus;
using Clinic.Knowledge.Ingestion;

namespace Clinic.Knowledge.Tests.Ingestion;

public sealed class SentenceSplittingTests
{
    private static List<string> Sentences(string text) =>
        new DocumentCleaner().Clean("note.txt", text).Chunks.SelectMany(c => c.Sentences).Distinct().Select(s => s.Text).ToList();

    [Fact]
    public void AbbreviationsDoNotEndASentence()
    {
        var sentences = Sentences(
            "Dr. Lee compared ketamine vs. placebo in adults, e.g. veterans, i.e. people who served in the U.S. Army. It worked.");

        Assert.Equal(
            ["Dr. Lee compared ketamine vs. placebo in adults, e.g. veterans, i.e. people who served in the U.S. Army.", "It worked."],
            sentences);
    }

    [Fact]
    public void DosesAndDecimalsDoNotEndASentence()
    {
        var sentences = Sentences("The usual dose is 0.5 mg/kg over 40 minutes. Recovery takes about 1.5 hours. See No. 5 below.");

        Assert.Equal(["The usual dose is 0.5 mg/kg over 40 minutes.", "Recovery takes about 1.5 hours.", "See No. 5 below."], sentences);
    }

    [Fact]
    public void EtceteraEndsASentenceOnlyBeforeACapital()
    {
        var sentences = Sentences("Side effects include nausea, dizziness, etc. and they pass. Most people feel fine, etc. The clinic monitors you.");

        Assert.Equal(
            ["Side effects include nausea, dizziness, etc. and they pass.", "Most people feel fine, etc.", "The clinic monitors you."],
            sentences);
    }

    [Fact]
    public void AMissingSpaceAfterAPeriodStillSplitsButInitialsAndNamesDoNot()
    {
        var sentences = Sentences("Results vary with other factors.That being said, S(+)-ketamine and U.S.-based trials agree.");

        Assert.Equal(["Results vary with other factors.", "That being said, S(+)-ketamine and U.S.-based trials agree."], sentences);
    }

    [Fact]
    public void QuestionsAndExclamationsEndSentencesAndClosingQuotesStayWithThem()
    {
        var sentences = Sentences("Patients say it feels like “floating.” Is it safe? Yes! Ask your doctor.");

        Assert.Equal(["Patients say it feels like “floating.”", "Is it safe?", "Yes!", "Ask your doctor."], sentences);
    }

    [Fact]
    public void OutlineLabelsStayWithTheirSentence()
    {
        var sentences = Sentences("A. Monitoring :Patients are watched for two hours.\n\nIV. Conclusion: Ketamine helps some people.");

        Assert.Equal(["A. Monitoring :Patients are watched for two hours.", "IV. Conclusion: Ketamine helps some people."], sentences);
    }

    [Fact]
    public void SentenceOffsetsPointAtTheExactOriginalTextAcrossHardWraps()
    {
        const string text = "  Ketamine is given\nas an infusion   over\n40 minutes.\u00A0 It is\r\nmonitored.";
        var document = new DocumentCleaner().Clean("note.txt", text);
        var sentences = document.Chunks.SelectMany(c => c.Sentences).Distinct().ToList();

        Assert.Equal(["Ketamine is given as an infusion over 40 minutes.", "It is monitored."], sentences.Select(s => s.Text));
        Assert.All(sentences, s => Assert.Equal(s.Text, Whitespace.Collapse(text[s.Start..s.End])));
        Assert.Equal(2, sentences[0].Start);
        Assert.Equal(text.Length, sentences[1].End);
    }

    [Fact]
    public void ARunOnWithoutSentenceEndsIsCutAtClauseBreaksIntoPiecesThatStillQuoteExactly()
    {
        var text = string.Join(", ", Enumerable.Range(1, 120).Select(i => $"item {i}")) + "\nand more; " + new string('x', 1500);
        var sentences = new DocumentCleaner().Clean("menu.txt", text).Chunks.SelectMany(c => c.Sentences).Distinct().ToList();

        Assert.True(sentences.Count >= 4);
        Assert.All(sentences, s => Assert.InRange(s.Text.Length, 1, 600));
        Assert.All(sentences, s => Assert.Equal(s.Text, Whitespace.Collapse(text[s.Start..s.End])));
        Assert.EndsWith(",", sentences[0].Text, StringComparison.Ordinal);
        Assert.Equal(text.Where(c => !char.IsWhiteSpace(c)), sentences.SelectMany(s => s.Text).Where(c => c != ' '));
    }

    [Fact]
    public void CollapseTurnsEveryRunOfWhiteSpaceIntoOneSpaceAndTrims()
    {
        Assert.Equal("a b c", Whitespace.Collapse(" \t a \r\n\u00A0 b\n\nc  "));
        Assert.Equal(string.Empty, Whitespace.Collapse(" \n "));
    }

    [Fact]
    public void SourceSpanQuotesKeepCurlyQuotesAndApostrophes()
    {
        var span = Assert.Single(new DocumentCleaner().Clean("n.txt", "The patient’s “off label” use.").Chunks.Single().Sentences);

        Assert.Equal(new SourceSpan("The patient’s “off label” use.", 0, 30), span);
    }
}
