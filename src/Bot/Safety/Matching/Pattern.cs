using System.Collections.Frozen;

namespace Clinic.Bot.Safety.Matching;

/// <summary>A compiled phrase pattern (see the syntax notes in safety-terms.json). Matches never cross a sentence.</summary>
internal sealed class Pattern(string source, PatternElement[] elements)
{
    public string Source { get; } = source;

    public PatternElement[] Elements { get; } = elements;

    /// <summary>The words a match must start with, or null when the first element is not a plain required word set.</summary>
    public FrozenSet<string>? FirstWords =>
        Elements[0] is { Kind: ElementKind.Words, Optional: false } first ? first.Words : null;

    public bool ContainsWord(string word) =>
        Elements.Any(e => e.Kind == ElementKind.Words && e.Words.Contains(word));

    /// <summary>Tries to match at <paramref name="start"/>; returns the end (exclusive) or -1.</summary>
    public int Match(TokenStream stream, int start, bool[]? blocked, FrozenSet<string> numberWords)
    {
        if (start >= stream.Count)
        {
            return -1;
        }

        var sentenceEnd = stream.SentenceOf(start).End;
        return MatchFrom(stream, 0, start, sentenceEnd, blocked, numberWords);
    }

    private int MatchFrom(TokenStream stream, int element, int position, int limit, bool[]? blocked, FrozenSet<string> numberWords)
    {
        if (element == Elements.Length)
        {
            return position;
        }

        var current = Elements[element];
        if (current.Kind == ElementKind.ClauseEnd)
        {
            var atEnd = position == limit || (position > 0 && stream.Tokens[position].Clause != stream.Tokens[position - 1].Clause);
            return atEnd ? MatchFrom(stream, element + 1, position, limit, blocked, numberWords) : -1;
        }

        if (current.Kind == ElementKind.Gap)
        {
            for (var skip = 0; skip <= current.Gap && position + skip <= limit; skip++)
            {
                var end = MatchFrom(stream, element + 1, position + skip, limit, blocked, numberWords);
                if (end >= 0)
                {
                    return end;
                }
            }

            return -1;
        }

        if (position < limit
            && (blocked is null || !blocked[position])
            && current.Accepts(stream.Tokens[position], numberWords))
        {
            var end = MatchFrom(stream, element + 1, position + 1, limit, blocked, numberWords);
            if (end >= 0)
            {
                return end;
            }
        }

        return current.Optional ? MatchFrom(stream, element + 1, position, limit, blocked, numberWords) : -1;
    }
}
