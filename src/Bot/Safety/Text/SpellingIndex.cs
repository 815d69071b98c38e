using System.Collections.Frozen;

namespace Clinic.Bot.Safety.Text;

/// <summary>
/// Finds the key term a misspelt word was meant to be: edit distance 1 (2 for terms of 8+ letters) through a
/// symmetric-deletion index, or the same letters with doubled letters collapsed ("kil" for "kill").
/// </summary>
internal sealed class SpellingIndex
{
    private const int MinLength = 4;
    private const int LongTerm = 8;
    private const int MaxDistance = 2;
    private const int MaxWordLength = 40;

    private readonly FrozenDictionary<string, string[]> _deletes;
    private readonly FrozenDictionary<string, string[]>.AlternateLookup<ReadOnlySpan<char>> _deleteLookup;
    private readonly FrozenDictionary<string, string> _squeezed;
    private readonly FrozenDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _squeezedLookup;
    private readonly string[] _terms;

    public SpellingIndex(IEnumerable<string> terms)
    {
        _terms = terms.Where(t => t.Length >= MinLength - 1).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        var deletes = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var squeezed = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var term in _terms)
        {
            squeezed.TryAdd(Squeeze(term), term);
            if (term.Length < MinLength)
            {
                continue;
            }

            foreach (var variant in Deletions(term, AllowedDistance(term)))
            {
                if (!deletes.TryGetValue(variant, out var list))
                {
                    deletes[variant] = list = [];
                }

                list.Add(term);
            }
        }

        _deletes = deletes.ToFrozenDictionary(p => p.Key, p => p.Value.ToArray(), StringComparer.Ordinal);
        _deleteLookup = _deletes.GetAlternateLookup<ReadOnlySpan<char>>();
        _squeezed = squeezed.ToFrozenDictionary(StringComparer.Ordinal);
        _squeezedLookup = _squeezed.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public static int AllowedDistance(string term) => term.Length >= LongTerm ? 2 : 1;

    /// <summary>The term whose doubled letters collapse to the same letters as the word's ("killlll", "kil").</summary>
    public string? BySqueeze(string word)
    {
        if (word.Length < MinLength - 1 || word.Length > MaxWordLength)
        {
            return null;
        }

        Span<char> buffer = stackalloc char[word.Length];
        return _squeezedLookup.TryGetValue(Squeeze(word, buffer), out var term) ? term : null;
    }

    /// <summary>The closest term within its allowed distance, or null.</summary>
    public string? Closest(string word)
    {
        if (word.Length < MinLength || word.Length > MaxWordLength)
        {
            return null;
        }

        if (word.Contains(EditDistance.Wildcard))
        {
            return ClosestByScan(word);
        }

        string? best = null;
        var bestDistance = int.MaxValue;
        // One slice per depth so a level never overwrites the variant it is reading.
        Span<char> buffer = stackalloc char[word.Length * MaxDistance];
        Visit(word.AsSpan(), buffer, 0, 0, ref best, ref bestDistance, word);
        return best;
    }

    private void Visit(ReadOnlySpan<char> variant, Span<char> buffer, int from, int depth, ref string? best, ref int bestDistance, string word)
    {
        if (_deleteLookup.TryGetValue(variant, out var candidates))
        {
            foreach (var term in candidates)
            {
                Consider(word, term, ref best, ref bestDistance);
            }
        }

        if (depth == MaxDistance || variant.Length <= MinLength - 2)
        {
            return;
        }

        for (var i = from; i < variant.Length; i++)
        {
            if (i > from && variant[i] == variant[i - 1])
            {
                continue; // deleting either of two equal letters gives the same variant
            }

            var next = buffer.Slice(depth * word.Length, variant.Length - 1);
            variant[..i].CopyTo(next);
            variant[(i + 1)..].CopyTo(next[i..]);
            Visit(next, buffer, i, depth + 1, ref best, ref bestDistance, word);
        }
    }

    private string? ClosestByScan(string word)
    {
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var term in _terms)
        {
            if (term.Length >= MinLength)
            {
                Consider(word, term, ref best, ref bestDistance);
            }
        }

        return best;
    }

    private static void Consider(string word, string term, ref string? best, ref int bestDistance)
    {
        var allowed = AllowedDistance(term);
        var distance = EditDistance.Bounded(word, term, allowed);
        if (distance > allowed)
        {
            return;
        }

        // Prefer the nearest term, then one sharing the first letter, then the alphabetically first (deterministic).
        if (best is null || distance < bestDistance
            || (distance == bestDistance && Rank(word, term) < Rank(word, best))
            || (distance == bestDistance && Rank(word, term) == Rank(word, best) && string.CompareOrdinal(term, best) < 0))
        {
            best = term;
            bestDistance = distance;
        }
    }

    private static int Rank(string word, string term) => (term[0] == word[0] ? 0 : 2) + (term.Length == word.Length ? 0 : 1);

    private static IEnumerable<string> Deletions(string term, int depth)
    {
        var level = new HashSet<string>(StringComparer.Ordinal) { term };
        var all = new HashSet<string>(level, StringComparer.Ordinal);
        for (var d = 0; d < depth; d++)
        {
            var next = new HashSet<string>(StringComparer.Ordinal);
            foreach (var word in level.Where(w => w.Length > 1))
            {
                for (var i = 0; i < word.Length; i++)
                {
                    next.Add(word.Remove(i, 1));
                }
            }

            all.UnionWith(next);
            level = next;
        }

        return all;
    }

    public static string Squeeze(string word)
    {
        Span<char> buffer = stackalloc char[Math.Min(word.Length, MaxWordLength)];
        return word.Length > MaxWordLength ? word : Squeeze(word, buffer).ToString();
    }

    private static ReadOnlySpan<char> Squeeze(string word, Span<char> buffer)
    {
        var length = 0;
        foreach (var c in word)
        {
            if (length == 0 || buffer[length - 1] != c)
            {
                buffer[length++] = c;
            }
        }

        return buffer[..length];
    }
}
