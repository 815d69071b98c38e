using System.Collections.Frozen;

namespace Clinic.Bot.Safety.Matching;

/// <summary>A found occurrence of a pattern owned by <typeparamref name="TOwner"/>.</summary>
internal readonly record struct PatternHit<TOwner>(TOwner Owner, Pattern Pattern, int Start, int End);

/// <summary>Patterns indexed by their first word so matching a message costs little more than one pass.</summary>
internal sealed class PatternSet<TOwner>
{
    private readonly FrozenDictionary<string, (TOwner Owner, Pattern Pattern)[]> _byFirstWord;
    private readonly (TOwner Owner, Pattern Pattern)[] _unindexed;
    private readonly FrozenSet<string> _numberWords;

    public PatternSet(IEnumerable<(TOwner Owner, Pattern Pattern)> patterns, FrozenSet<string> numberWords)
    {
        var byWord = new Dictionary<string, List<(TOwner, Pattern)>>(StringComparer.Ordinal);
        var unindexed = new List<(TOwner, Pattern)>();
        foreach (var entry in patterns)
        {
            var first = entry.Pattern.FirstWords;
            if (first is null)
            {
                unindexed.Add(entry);
                continue;
            }

            foreach (var word in first)
            {
                if (!byWord.TryGetValue(word, out var list))
                {
                    byWord[word] = list = [];
                }

                list.Add(entry);
            }
        }

        _byFirstWord = byWord.ToFrozenDictionary(p => p.Key, p => p.Value.ToArray(), StringComparer.Ordinal);
        _unindexed = [.. unindexed];
        _numberWords = numberWords;
    }

    public List<PatternHit<TOwner>> FindAll(TokenStream stream, bool[]? blocked = null)
    {
        var hits = new List<PatternHit<TOwner>>();
        for (var start = 0; start < stream.Count; start++)
        {
            if (_byFirstWord.TryGetValue(stream[start], out var candidates))
            {
                TryAll(candidates, stream, start, blocked, hits);
            }

            TryAll(_unindexed, stream, start, blocked, hits);
        }

        return hits;
    }

    /// <summary>True when any pattern matches anywhere in the stream.</summary>
    public bool AnyMatch(TokenStream stream)
    {
        for (var start = 0; start < stream.Count; start++)
        {
            if (_byFirstWord.TryGetValue(stream[start], out var candidates)
                && candidates.Any(c => c.Pattern.Match(stream, start, null, _numberWords) >= 0))
            {
                return true;
            }

            if (_unindexed.Any(c => c.Pattern.Match(stream, start, null, _numberWords) >= 0))
            {
                return true;
            }
        }

        return false;
    }

    private void TryAll((TOwner Owner, Pattern Pattern)[] candidates, TokenStream stream, int start, bool[]? blocked, List<PatternHit<TOwner>> hits)
    {
        foreach (var (owner, pattern) in candidates)
        {
            var end = pattern.Match(stream, start, blocked, _numberWords);
            if (end > start)
            {
                hits.Add(new PatternHit<TOwner>(owner, pattern, start, end));
            }
        }
    }
}
