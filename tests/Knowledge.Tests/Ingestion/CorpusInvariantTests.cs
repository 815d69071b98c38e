using Clinic.Knowledge.Corpus;
using Clinic.Knowledge.Ingestion;

namespace Clinic.Knowledge.Tests.Ingestion;

/// <summary>Properties every real corpus file must keep, checked on every sentence, chunk and drop.</summary>
public sealed class CorpusInvariantTests
{
    [Theory]
    [MemberData(nameof(CorpusFiles.Names), MemberType = typeof(CorpusFiles))]
    public void EverySentenceIsTheCollapsedOriginalTextAtItsOffsets(string name)
    {
        var document = CorpusFiles.Clean(name);

        Assert.NotEmpty(document.Chunks);
        foreach (var sentence in CorpusFiles.Sentences(document))
        {
            Assert.Equal(sentence.Text, Whitespace.Collapse(document.OriginalText[sentence.Start..sentence.End]));
            Assert.False(char.IsWhiteSpace(document.OriginalText[sentence.Start]));
            Assert.False(char.IsWhiteSpace(document.OriginalText[sentence.End - 1]));
        }
    }

    [Theory]
    [MemberData(nameof(CorpusFiles.Names), MemberType = typeof(CorpusFiles))]
    public void EveryDroppedPieceStandsInTheOriginalAtItsOffset(string name)
    {
        var document = CorpusFiles.Clean(name);

        foreach (var dropped in document.Dropped)
        {
            Assert.Equal(name, dropped.DocumentId);
            Assert.Equal(dropped.Text, document.OriginalText.Substring(dropped.Start, dropped.Text.Length));
        }
    }

    [Theory]
    [MemberData(nameof(CorpusFiles.Names), MemberType = typeof(CorpusFiles))]
    public void NothingIsLostSilentlyEveryCharacterIsInASentenceAHeadingOrADrop(string name)
    {
        var text = CorpusFiles.Text(name);
        var document = new DocumentCleaner().Clean(name, text);
        var covered = new bool[text.Length];
        void Cover(int start, int end) => Array.Fill(covered, true, start, end - start);
        foreach (var sentence in CorpusFiles.Sentences(document))
        {
            Cover(sentence.Start, sentence.End);
        }

        foreach (var dropped in document.Dropped)
        {
            Cover(dropped.Start, dropped.Start + dropped.Text.Length);
        }

        foreach (var heading in DocumentParser.Parse(name, text, markdown: false, []).Where(b => b.Kind == BlockKind.Heading))
        {
            Cover(heading.Start, heading.End);
        }

        for (var i = 0; i < text.Length; i++)
        {
            if (!covered[i] && !char.IsWhiteSpace(text[i]))
            {
                var lineStart = text.LastIndexOf('\n', Math.Max(i - 1, 0)) + 1;
                var isListMarker = text[i] is '-' or '•' && string.IsNullOrWhiteSpace(text[lineStart..i]);
                Assert.True(isListMarker, $"'{text[Math.Max(0, i - 20)..Math.Min(text.Length, i + 40)]}' at {i} is in no sentence, heading or drop");
            }
        }
    }

    [Theory]
    [MemberData(nameof(CorpusFiles.Names), MemberType = typeof(CorpusFiles))]
    public void ChunksAreNumberedInOrderAndNeverCrossAHeading(string name)
    {
        var text = CorpusFiles.Text(name);
        var document = new DocumentCleaner().Clean(name, text);
        var headings = DocumentParser.Parse(name, text, markdown: false, []).Where(b => b.Kind == BlockKind.Heading).ToList();

        for (var i = 0; i < document.Chunks.Count; i++)
        {
            var chunk = document.Chunks[i];
            Assert.Equal($"{name}#{i + 1}", chunk.Id);
            Assert.Equal(document.Title, chunk.Title);
            Assert.DoesNotContain(headings, h => h.Start > chunk.Start && h.Start < chunk.End);
            var sectionHeading = headings.LastOrDefault(h => h.End <= chunk.Start);
            Assert.Equal(sectionHeading?.Heading ?? document.Title, chunk.Section);
        }
    }

    [Theory]
    [MemberData(nameof(CorpusFiles.Names), MemberType = typeof(CorpusFiles))]
    public void ConsecutiveChunksOfASectionOverlapByAtMostOneSentence(string name)
    {
        var chunks = CorpusFiles.Clean(name).Chunks;

        foreach (var (previous, next) in chunks.Zip(chunks.Skip(1)))
        {
            var shared = previous.Sentences.Intersect(next.Sentences).ToList();
            if (previous.Section != next.Section)
            {
                Assert.Empty(shared);
                continue;
            }

            Assert.True(shared.Count <= 1);
            if (shared.Count == 1)
            {
                Assert.Equal(previous.Sentences[^1], next.Sentences[0]);
            }

            Assert.True(next.Start >= previous.Start);
        }
    }

    [Theory]
    [MemberData(nameof(CorpusFiles.Names), MemberType = typeof(CorpusFiles))]
    public void ChunksStayNearTheirSizeUnlessTheyHoldOneLongSentenceOrAList(string name)
    {
        foreach (var chunk in CorpusFiles.Clean(name).Chunks)
        {
            var isList = chunk.Sentences.Count > 4;
            Assert.True(chunk.Text.Length <= 500 || chunk.Sentences.Count == 1 || (isList && chunk.Text.Length <= 900), chunk.Id);
        }
    }
}
