namespace Clinic.Knowledge.Retrieval;

/// <summary>
/// Corrects spelling slips in query words towards the corpus's own vocabulary (Damerau-Levenshtein distance 1, 2 for long words).
/// Words the corpus already has, real English words ("rule" must not become "role"), short words and numbers are left alone.
/// </summary>
internal sealed class SpellingCorrector
{
    private static readonly Lazy<HashSet<string>> English = new(LoadEnglish);
    private readonly Dictionary<string, int> _frequency;
    private readonly Dictionary<int, List<string>> _byLength;
    private readonly IReadOnlySet<string> _valid;

    public SpellingCorrector(IEnumerable<string> vocabularyWords, IReadOnlySet<string>? validWords = null)
    {
        _valid = validWords ?? English.Value;
        _frequency = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var w in vocabularyWords)
        {
            if (w.Length >= 3 && w.All(char.IsLetter))
                _frequency[w] = _frequency.GetValueOrDefault(w) + 1;
        }
        _byLength = _frequency.Keys.GroupBy(w => w.Length).ToDictionary(g => g.Key, g => g.ToList());
    }

    public bool IsKnown(string word) => _frequency.ContainsKey(word);

    /// <summary>The corrected word, or the word itself when it is known, too short, or has no close neighbour.</summary>
    public string Correct(string word)
    {
        if (word.Length < 4 || _frequency.ContainsKey(word) || _valid.Contains(word) || !word.All(char.IsLetter))
            return word;
        var maxDistance = word.Length >= 8 ? 2 : 1;
        string? best = null;
        var bestDistance = int.MaxValue;
        var bestFrequency = 0;
        for (var len = word.Length - maxDistance; len <= word.Length + maxDistance; len++)
        {
            if (!_byLength.TryGetValue(len, out var candidates))
                continue;
            foreach (var candidate in candidates)
            {
                var d = Distance(word, candidate, maxDistance);
                if (d > maxDistance)
                    continue;
                var f = _frequency[candidate];
                if (d < bestDistance || (d == bestDistance && f > bestFrequency))
                    (best, bestDistance, bestFrequency) = (candidate, d, f);
            }
        }
        return best ?? word;
    }

    private static HashSet<string> LoadEnglish()
    {
        using var stream = typeof(SpellingCorrector).Assembly.GetManifestResourceStream("Clinic.Knowledge.Retrieval.english-words.txt")
            ?? throw new InvalidOperationException("The English word list is missing from the assembly; rebuild the Knowledge project.");
        using var reader = new StreamReader(stream);
        var words = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0 && line[0] != '#')
                words.Add(line);
        }
        return words;
    }

    /// <summary>Optimal string alignment distance, abandoning early once every cell of a row exceeds <paramref name="limit"/>.</summary>
    internal static int Distance(string a, string b, int limit)
    {
        Span<int> prev2 = stackalloc int[b.Length + 1];
        Span<int> prev = stackalloc int[b.Length + 1];
        Span<int> curr = stackalloc int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
            prev[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            curr[0] = i;
            var rowMin = curr[0];
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                var v = Math.Min(Math.Min(prev[j] + 1, curr[j - 1] + 1), prev[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                    v = Math.Min(v, prev2[j - 2] + 1);
                curr[j] = v;
                rowMin = Math.Min(rowMin, v);
            }
            if (rowMin > limit)
                return limit + 1;
            var t = prev2;
            prev2 = prev;
            prev = curr;
            curr = t;
        }
        return prev[b.Length];
    }
}
