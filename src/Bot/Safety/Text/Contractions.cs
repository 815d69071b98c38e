using System.Collections.Frozen;

namespace Clinic.Bot.Safety.Text;

/// <summary>Splits English contractions: "don't" -> do + not, "I'm" -> I + am, "he's" -> he + is, "mom's" -> mom.</summary>
internal static class Contractions
{
    private static readonly FrozenDictionary<string, string[]> Whole = new Dictionary<string, string[]>
    {
        ["can't"] = ["can", "not"],
        ["won't"] = ["will", "not"],
        ["ain't"] = ["is", "not"],
        ["shan't"] = ["shall", "not"],
        ["let's"] = ["let", "us"],
        ["y'all"] = ["you", "all"],
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly (string Suffix, string? Expansion)[] Suffixes =
        [("n't", "not"), ("'m", "am"), ("'re", "are"), ("'ve", "have"), ("'ll", "will"), ("'d", "would"), ("'s", null)];

    private static readonly FrozenSet<string> TakesIs =
        new[] { "it", "he", "she", "that", "what", "there", "who", "here", "where", "how", "everything", "nothing", "something", "someone", "life" }
            .ToFrozenSet(StringComparer.Ordinal);

    /// <summary>A fixed expansion ("can't"), or the stem to resolve further plus the word to append (may be null).</summary>
    public static (string[]? Whole, string Stem, string? Appended) Split(string word)
    {
        if (Whole.TryGetValue(word, out var whole))
        {
            return (whole, string.Empty, null);
        }

        foreach (var (suffix, expansion) in Suffixes)
        {
            if (word.Length > suffix.Length && word.EndsWith(suffix, StringComparison.Ordinal))
            {
                var stem = word[..^suffix.Length];
                return (null, stem, expansion ?? (TakesIs.Contains(stem) ? "is" : null));
            }
        }

        return (null, word.Replace("'", string.Empty, StringComparison.Ordinal), null);
    }
}
