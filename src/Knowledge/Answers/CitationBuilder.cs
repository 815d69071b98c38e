using Clinic.Knowledge.Indexing;

namespace Clinic.Knowledge.Answers;

/// <summary>
/// Turns chosen sentences into citations; adjacent sentences of one section share one citation. The quote is the cited
/// sentences with one sentence of context either side (within the section), so a reader sees the passage, not a fragment.
/// </summary>
internal static class CitationBuilder
{
    public static List<Citation> Build(KnowledgeIndex index, List<int> sentences)
    {
        var citations = new List<Citation>();
        var i = 0;
        while (i < sentences.Count)
        {
            var first = index.Sentences[sentences[i]];
            var last = first;
            var j = i + 1;
            while (j < sentences.Count && sentences[j] == sentences[j - 1] + 1 && index.Sentences[sentences[j]].SectionOrdinal == first.SectionOrdinal)
                last = index.Sentences[sentences[j++]];
            var document = index.Documents.First(d => d.Id == first.DocumentId);
            var from = first.Ordinal > 0 && index.Sentences[first.Ordinal - 1].SectionOrdinal == first.SectionOrdinal ? index.Sentences[first.Ordinal - 1] : first;
            var to = last.Ordinal + 1 < index.Sentences.Count && index.Sentences[last.Ordinal + 1].SectionOrdinal == last.SectionOrdinal ? index.Sentences[last.Ordinal + 1] : last;
            // The quote is the file's own text, hard wraps and all: exactly what a person finds when opening the source.
            var quote = document.OriginalText[from.Span.Start..to.Span.End];
            citations.Add(new Citation(document.Id, document.Title, first.Section, quote));
            i = j;
        }
        return citations;
    }

    /// <summary>The citation of a whole chunk: its exact text in the source file.</summary>
    public static Citation ForChunk(KnowledgeIndex index, Corpus.Chunk chunk)
    {
        var document = index.Documents.First(d => d.Id == chunk.DocumentId);
        return new Citation(document.Id, document.Title, chunk.Section, document.OriginalText[chunk.Start..chunk.End]);
    }
}
