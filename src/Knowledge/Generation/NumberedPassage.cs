using Clinic.Knowledge.Answers;
using Clinic.Knowledge.Corpus;
using Clinic.Knowledge.Retrieval;

namespace Clinic.Knowledge.Generation;

/// <summary>A retrieved chunk as the model sees it (<c>[Number]</c>) and as the verifier checks against it.</summary>
internal sealed class NumberedPassage
{
    public NumberedPassage(int number, Chunk chunk)
    {
        Number = number;
        Chunk = chunk;
        // A document sentence that addresses a model ("ignore previous instructions ...") is neither shown to the
        // model nor allowed to support its answer: the corpus informs, it never instructs.
        var sentences = chunk.Sentences.Where(s => !QuestionGate.LooksLikeInjection(s.Text)).Select(s => s.Text).ToList();
        Text = string.Join(' ', sentences);
        Terms = new HashSet<string>(TextAnalyzer.Terms(chunk.Section + " " + Text), StringComparer.Ordinal);
        Words = TextAnalyzer.Words(Text);
        Facts = NumberFacts.Extract(Text);
        SentenceWords = sentences.Select(TextAnalyzer.Words).ToList();
    }

    /// <summary>The number the prompt gives it, from 1.</summary>
    public int Number { get; }

    public Chunk Chunk { get; }

    /// <summary>The chunk's sentences the model may read and cite.</summary>
    public string Text { get; }

    /// <summary>Stemmed content terms of the section heading and the text.</summary>
    public HashSet<string> Terms { get; }

    /// <summary>The folded words of the text in order, for word-for-word quotes.</summary>
    public List<string> Words { get; }

    /// <summary>Every number in the text with its unit.</summary>
    public HashSet<string> Facts { get; }

    /// <summary>The folded words of each sentence.</summary>
    public List<List<string>> SentenceWords { get; }

    /// <summary>The first <paramref name="max"/> passages of a search, numbered from 1.</summary>
    public static List<NumberedPassage> From(RetrievalResult retrieval, int max) =>
        retrieval.Passages.Take(max).Select((p, i) => new NumberedPassage(i + 1, p.Chunk)).ToList();
}
