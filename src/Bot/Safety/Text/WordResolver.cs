using System.Collections.Frozen;

namespace Clinic.Bot.Safety.Text;

/// <summary>
/// Turns one raw piece into canonical words: acronyms, aliases and slang, contractions, leetspeak, elongations,
/// spelling slips against the key terms (real English words are never "corrected"), and glued words.
/// </summary>
internal sealed class WordResolver(
    FrozenDictionary<string, string[]> aliases,
    FrozenDictionary<string, string[]> acronyms,
    FrozenSet<string> known,
    FrozenSet<string> vocabulary,
    SpellingIndex spelling,
    Func<IReadOnlyList<string>, bool> isRiskPhrase)
{
    private readonly WordSegmenter _segmenter = new(known, aliases, isRiskPhrase);

    public bool IsKnown(string word) => known.Contains(word);

    public bool IsAlias(string word) => aliases.ContainsKey(word);

    public string[]? AliasOf(string word) => aliases.GetValueOrDefault(word);

    public bool IsVocabulary(string word) => vocabulary.Contains(word);

    public void Resolve(string raw, bool acronymsAllowed, List<string> output)
    {
        if (acronymsAllowed && raw.Length >= 2 && raw.All(char.IsAsciiLetterUpper) && acronyms.TryGetValue(raw, out var expansion))
        {
            output.AddRange(expansion);
            return;
        }

        var word = raw.ToLowerInvariant();
        if (CapitalIAsL(raw) is { } lookalike)
        {
            word = lookalike;
        }

        if (aliases.TryGetValue(word, out var alias))
        {
            output.AddRange(alias);
            return;
        }

        if (word.Contains('\''))
        {
            ExpandContraction(word, output);
            return;
        }

        ResolveWord(word, output);
    }

    /// <summary>True when the word (e.g. pieces joined back together) is, or is a slip of, a key term.</summary>
    public bool ResolvesToTerm(string word)
    {
        word = word.ToLowerInvariant();
        if (aliases.ContainsKey(word) || vocabulary.Contains(word))
        {
            return true;
        }

        if (known.Contains(word))
        {
            return false;
        }

        var reading = Read(word);
        return vocabulary.Contains(reading) || aliases.ContainsKey(reading) || Correct(reading) is not null || _segmenter.Segment(reading) is not null;
    }

    private void ExpandContraction(string word, List<string> output)
    {
        var (whole, stem, appended) = Contractions.Split(word);
        if (whole is not null)
        {
            output.AddRange(whole);
            return;
        }

        if (stem.Length > 0)
        {
            Resolve(stem, acronymsAllowed: false, output);
        }

        if (appended is not null)
        {
            output.Add(appended);
        }
    }

    private void ResolveWord(string word, List<string> output)
    {
        word = Read(word);
        if (known.Contains(word) || word.All(char.IsAsciiDigit))
        {
            output.Add(word);
            return;
        }

        if (aliases.TryGetValue(word, out var alias))
        {
            output.AddRange(alias);
            return;
        }

        var corrected = Correct(word);
        if (corrected is not null)
        {
            output.AddRange(aliases.GetValueOrDefault(corrected) ?? [corrected]);
            return;
        }

        var segments = _segmenter.Segment(word);
        if (segments is not null)
        {
            output.AddRange(segments);
            return;
        }

        var plain = word.Replace("*", string.Empty, StringComparison.Ordinal);
        if (plain.Length > 0)
        {
            output.Add(plain);
        }
    }

    // Leetspeak reading: the first reading that is a known word or a slip of one, else the most likely reading.
    private string Read(string word)
    {
        if (!Leetspeak.Applies(word))
        {
            return word;
        }

        string? first = null;
        foreach (var reading in Leetspeak.Readings(word))
        {
            first ??= reading;
            if (known.Contains(reading) || aliases.ContainsKey(reading))
            {
                return reading;
            }
        }

        foreach (var reading in Leetspeak.Readings(word))
        {
            if (Correct(reading) is not null)
            {
                return reading;
            }
        }

        return first ?? word;
    }

    private string? Correct(string word)
    {
        if (HasRunOfThree(word))
        {
            var two = Collapse(word, 2);
            if (known.Contains(two) || aliases.ContainsKey(two))
            {
                return two;
            }

            var one = Collapse(word, 1);
            if (known.Contains(one) || aliases.ContainsKey(one))
            {
                return one;
            }

            word = two;
        }

        return spelling.BySqueeze(word) ?? spelling.Closest(word);
    }

    // "kiII" (capital i for l) inside an otherwise lower-case word: use the reading that is a known word.
    private string? CapitalIAsL(string raw)
    {
        if (raw.Length < 3 || raw.IndexOf('I', 1) < 0 || !raw.Any(char.IsAsciiLetterLower) || raw.Skip(1).Any(c => char.IsAsciiLetterUpper(c) && c != 'I'))
        {
            return null;
        }

        var reading = (raw[0] + raw[1..].Replace('I', 'l')).ToLowerInvariant();
        return known.Contains(reading) || Correct(reading) is not null ? reading : null;
    }

    private static bool HasRunOfThree(string word)
    {
        for (var i = 2; i < word.Length; i++)
        {
            if (word[i] == word[i - 1] && word[i] == word[i - 2])
            {
                return true;
            }
        }

        return false;
    }

    private static string Collapse(string word, int keep)
    {
        var chars = new List<char>(word.Length);
        var run = 0;
        for (var i = 0; i < word.Length; i++)
        {
            run = i > 0 && word[i] == word[i - 1] ? run + 1 : 1;
            if (run <= keep)
            {
                chars.Add(word[i]);
            }
        }

        return new string([.. chars]);
    }
}
