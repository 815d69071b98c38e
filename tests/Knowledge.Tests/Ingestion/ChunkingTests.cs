using Clinic.Knowledge.Ingestion;

namespace Clinic.Knowledge.Tests.Ingestion;

public sealed class ChunkingTests
{
    private static readonly DocumentCleaner Cleaner = new();

    private static string Numbered(int count) =>
        string.Join(' ', Enumerable.Range(1, count).Select(i => $"Sentence number {i} says one short thing."));

    [Fact]
    public void ASectionIsCutIntoChunksOfUpToFourSentencesOverlappingByOne()
    {
        var document = Cleaner.Clean("c.txt", "Dosing Basics\n\n" + Numbered(10));

        var chunks = document.Chunks.Select(c => c.Sentences.Select(s => s.Text[16..18].Trim()).ToList()).ToList();
        Assert.Equal([["1", "2", "3", "4"], ["4", "5", "6", "7"], ["7", "8", "9", "10"]], chunks);
        Assert.Equal(["c.txt#1", "c.txt#2", "c.txt#3"], document.Chunks.Select(c => c.Id));
    }

    [Fact]
    public void LongSentencesMakeSmallerChunksWithinTheCharacterBudget()
    {
        var longSentence = "This sentence is long " + new string('x', 200) + ".";
        var document = Cleaner.Clean("c.txt", string.Join(' ', Enumerable.Repeat(longSentence, 4)));

        Assert.All(document.Chunks, c => Assert.True(c.Text.Length <= 500));
        Assert.Equal([2, 2, 2], document.Chunks.Select(c => c.Sentences.Count));
    }

    [Fact]
    public void ChunksNeverCrossASectionOrADividerAndHeadingOnlySectionsMakeNone()
    {
        var document = Cleaner.Clean("c.txt", "First Part\n\nOne. Two.\n\nEmpty Part\n\nSecond Part\n\nThree.\n-\nFour.");

        Assert.Equal(
            [("First Part", "One. Two."), ("Second Part", "Three."), ("Second Part", "Four.")],
            document.Chunks.Select(c => (c.Section, c.Text)));
    }

    [Fact]
    public void TextBeforeAnyHeadingIsInTheTitleSection()
    {
        var document = Cleaner.Clean("c.txt", "Ketamine is a medicine.\n\nAftercare Plan\n\nRest.");

        Assert.Equal([("Aftercare Plan", "Ketamine is a medicine."), ("Aftercare Plan", "Rest.")], document.Chunks.Select(c => (c.Section, c.Text)));
    }

    [Fact]
    public void ABulletListStaysInOneChunkWithItsLeadInAndWithoutMarkers()
    {
        const string text = "Side Effects\n\nKetamine is usually well tolerated. Common side effects include:\n\n  • nausea\n  • dizziness\n-headache\n* blurred vision\n\nThey pass within hours.";

        var document = Cleaner.Clean("c.txt", text);

        var list = Assert.Single(document.Chunks, c => c.Text.Contains("nausea", StringComparison.Ordinal));
        Assert.Equal(
            ["Ketamine is usually well tolerated.", "Common side effects include:", "nausea", "dizziness", "headache", "blurred vision", "They pass within hours."],
            list.Sentences.Select(s => s.Text));
        Assert.All(list.Sentences, s => Assert.Equal(s.Text, Whitespace.Collapse(text[s.Start..s.End])));
    }

    [Fact]
    public void AListIsNotRepeatedAsTheOverlapOfTheNextChunk()
    {
        var items = string.Join('\n', Enumerable.Range(1, 8).Select(i => $"- Item {i} is a fairly long list entry about one risk factor"));
        var document = Cleaner.Clean("c.txt", $"Risks\n\nRisks include:\n{items}\n\n{Numbered(3)}");

        Assert.Equal(2, document.Chunks.Count);
        Assert.Equal(9, document.Chunks[0].Sentences.Count);
        Assert.Empty(document.Chunks[0].Sentences.Intersect(document.Chunks[1].Sentences));
    }
}
