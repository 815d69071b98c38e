using Clinic.Knowledge.Ingestion;

namespace Clinic.Knowledge.Tests.Ingestion;

/// <summary>Headings, titles and sections on small synthetic documents.</summary>
public sealed class StructureTests
{
    private static readonly DocumentCleaner Cleaner = new();

    [Fact]
    public void ShortLinesStartingWrappedParagraphsAreNotHeadings()
    {
        var document = Cleaner.Clean("a.txt", "Aftercare Basics\nKetamine is a medicine that has\nbeen used for decades. Rest after\nyour session.\nDriving After Treatment\nDo not drive for 24 hours.");

        Assert.Equal("Aftercare Basics", document.Title);
        Assert.Equal(["Aftercare Basics", "Driving After Treatment"], document.Chunks.Select(c => c.Section));
        Assert.Equal("Ketamine is a medicine that has been used for decades. Rest after your session.", document.Chunks[0].Text);
    }

    [Fact]
    public void AStandAloneQuestionLineHeadsItsAnswer()
    {
        var document = Cleaner.Clean("faq.txt", "Intro text here.\nHow long does an infusion take?\nAbout 40 minutes.\nCan I eat before?\nNo, fast for four hours.");

        Assert.Equal(["faq", "How long does an infusion take?", "Can I eat before?"], document.Chunks.Select(c => c.Section));
        Assert.Equal("About 40 minutes.", document.Chunks[1].Text);
    }

    [Fact]
    public void AHeadingWrappedAfterAConnectorWordIsJoined()
    {
        var document = Cleaner.Clean("w.txt", "Done here.\nKetamine Therapy: How It Works & What To\nExpect\nThe infusion is calm.");

        Assert.Equal("Ketamine Therapy: How It Works & What To Expect", document.Chunks[^1].Section);
        Assert.Equal("The infusion is calm.", document.Chunks[^1].Text);
    }

    [Fact]
    public void TheRepeatedHeadingBeforeTheBodyIsTheTitleNotTheBreadcrumbOrCaption()
    {
        var document = Cleaner.Clean("p.txt", "a smiling patient\n\nRelated Topic Link\n\nKetamine Aftercare\n\nKetamine Aftercare - Austin, TX\n\nKetamine Aftercare\n\nRest today.");

        Assert.Equal("Ketamine Aftercare", document.Title);
        Assert.Equal("image-caption", Assert.Single(document.Dropped).Rule);
    }

    [Fact]
    public void GenericHeadingsAndOutlineNumbersAreNotTitles()
    {
        var document = Cleaner.Clean("g.txt", "Introduction\n\nSome text.\n\nII. Benefits of Infusions\n\nMore text.");

        Assert.Equal("Benefits of Infusions", document.Title);
        Assert.Equal(["Introduction", "II. Benefits of Infusions"], document.Chunks.Select(c => c.Section));
    }

    [Fact]
    public void MarkdownHashAndUnderlinedHeadingsBecomeSectionsAndShortLinesDoNot()
    {
        var document = Cleaner.Clean("notes.md", "# Aftercare\n\nRest for the day.\nShort line\nmore text.\n\n## Driving ##\nDo not drive for 24 hours.\n\nEating\n------\nEat lightly.");

        Assert.Equal("Aftercare", document.Title);
        Assert.Equal(["Aftercare", "Driving", "Eating"], document.Chunks.Select(c => c.Section));
        Assert.Equal("Rest for the day. Short line more text.", document.Chunks[0].Text);
        Assert.Empty(document.Dropped);
    }

    [Fact]
    public void MarkdownFrontMatterIsDroppedAsSettings()
    {
        var document = Cleaner.Clean("faq.md", "---\ntitle: FAQ\ntags: [a]\n---\n\n# Aftercare\n\nRest.");

        Assert.Equal(["front-matter"], document.Dropped.Select(d => d.Rule).Distinct());
        Assert.Equal(4, document.Dropped.Count);
        Assert.Equal(("Aftercare", "Rest."), (document.Chunks.Single().Section, document.Chunks.Single().Text));
    }

    [Fact]
    public void ATextFileWithCrLfLineEndsGivesTheSameChunksAsLf()
    {
        const string lf = "Aftercare Basics\nKetamine is a medicine that has\nbeen used for decades.\n\nDriving\n\nDo not drive for 24 hours.\nShare Now :\n";
        var crlf = lf.Replace("\n", "\r\n", StringComparison.Ordinal);

        var fromLf = Cleaner.Clean("a.txt", lf);
        var fromCrLf = Cleaner.Clean("a.txt", crlf);

        Assert.Equal(fromLf.Chunks.Select(c => (c.Section, c.Text)), fromCrLf.Chunks.Select(c => (c.Section, c.Text)));
        Assert.Equal("share-widget", Assert.Single(fromCrLf.Dropped).Rule);
        Assert.All(fromCrLf.Chunks.SelectMany(c => c.Sentences), s => Assert.Equal(s.Text, Whitespace.Collapse(crlf[s.Start..s.End])));
        Assert.Equal("Share Now :", crlf.Substring(fromCrLf.Dropped[0].Start, fromCrLf.Dropped[0].Text.Length));
    }

    [Theory]
    [InlineData("")]
    [InlineData(" \r\n\t\n ")]
    public void AnEmptyFileHasNoChunksAndIsTitledByItsName(string text)
    {
        var document = Cleaner.Clean("empty-notes.txt", text);

        Assert.Empty(document.Chunks);
        Assert.Empty(document.Dropped);
        Assert.Equal("empty-notes", document.Title);
        Assert.Equal(text, document.OriginalText);
    }

    [Fact]
    public void ALowerCaseLineBetweenBlankLinesIsDroppedAsACaptionButNotInsideAParagraph()
    {
        var document = Cleaner.Clean("c.txt", "addiction\n\nKetamine may help with\nalcohol use disorder.");

        Assert.Equal("addiction", Assert.Single(document.Dropped).Text);
        Assert.Equal("Ketamine may help with alcohol use disorder.", document.Chunks.Single().Text);
    }
}
