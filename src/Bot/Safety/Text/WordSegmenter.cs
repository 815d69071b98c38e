using System.Collections.Frozen;

namespace Clinic.Bot.Safety.Text;

/// <summary>Splits glued words ("killmyself", "iwanttodie") into known words, kept only when they form a risk phrase.</summary>
internal sealed class WordSegmenter(
    FrozenSet<string> known,
    FrozenDictionary<string, string[]> aliases,
    Func<IReadOnlyList<string>, bool> isRiskPhrase)
{
    private const int MinLength = 6;
    private const int MaxLength = 40;
    private const int MaxSegments = 6;
    private const int MaxPiece = 20;

    private readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> _known = known.GetAlternateLookup<ReadOnlySpan<char>>();

    public string[]? Segment(string word)
    {
        if (word.Length < MinLength || word.Length > MaxLength || !word.All(char.IsAsciiLetterLower))
        {
            return null;
        }

        // Fewest pieces wins (dynamic programming over piece ends).
        var n = word.Length;
        Span<int> best = stackalloc int[n + 1];
        Span<int> previous = stackalloc int[n + 1];
        best.Fill(int.MaxValue);
        best[0] = 0;
        for (var end = 1; end <= n; end++)
        {
            for (var start = Math.Max(0, end - MaxPiece); start < end; start++)
            {
                if (best[start] == int.MaxValue || best[start] + 1 >= best[end])
                {
                    continue;
                }

                var piece = word.AsSpan(start, end - start);
                if (piece.Length == 1 ? piece[0] is 'i' or 'a' : _known.Contains(piece))
                {
                    best[end] = best[start] + 1;
                    previous[end] = start;
                }
            }
        }

        if (best[n] > MaxSegments || best[n] < 2)
        {
            return null;
        }

        var parts = new List<string>();
        for (var end = n; end > 0; end = previous[end])
        {
            parts.Add(word[previous[end]..end]);
        }

        parts.Reverse();
        var words = parts.SelectMany(p => aliases.GetValueOrDefault(p) ?? [p]).ToArray();
        return isRiskPhrase(words) ? words : null;
    }
}
