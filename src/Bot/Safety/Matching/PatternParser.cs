using System.Collections.Frozen;
using System.Globalization;

namespace Clinic.Bot.Safety.Matching;

/// <summary>Parses the pattern syntax of safety-terms.json; returns an error text instead of throwing.</summary>
internal static class PatternParser
{
    private const int MaxGap = 8;

    public static Pattern? TryParse(string? source, out string? error)
    {
        error = null;
        if (string.IsNullOrWhiteSpace(source))
        {
            error = "is empty";
            return null;
        }

        var parts = source.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var elements = new List<PatternElement>(parts.Length);
        foreach (var part in parts)
        {
            var element = ParseElement(part, out error);
            if (element is null)
            {
                error = $"has an invalid part '{part}': {error}";
                return null;
            }

            elements.Add(element);
        }

        if (elements[0].Kind is ElementKind.Gap or ElementKind.ClauseEnd || elements[^1].Kind == ElementKind.Gap)
        {
            error = "must not start with a gap (~N) or '$', nor end with a gap";
            return null;
        }

        if (elements.All(e => e.Optional || e.Kind is ElementKind.Gap or ElementKind.ClauseEnd))
        {
            error = "needs at least one required word";
            return null;
        }

        return new Pattern(source, [.. elements]);
    }

    /// <summary>True for a normalised word: lower-case ASCII letters and digits.</summary>
    public static bool IsWord(string? word) =>
        !string.IsNullOrEmpty(word) && word.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9'));

    private static PatternElement? ParseElement(string part, out string? error)
    {
        error = null;
        if (part.StartsWith('~'))
        {
            if (int.TryParse(part.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out var gap) && gap is >= 1 and <= MaxGap)
            {
                return new PatternElement(ElementKind.Gap, FrozenSet<string>.Empty, Gap: gap);
            }

            error = $"a gap is ~1 to ~{MaxGap}";
            return null;
        }

        if (part == "$")
        {
            return new PatternElement(ElementKind.ClauseEnd, FrozenSet<string>.Empty);
        }

        var optional = part.EndsWith('?');
        var body = optional ? part[..^1] : part;
        if (body.StartsWith('#'))
        {
            return ParseNumber(body, optional, out error);
        }

        if (body.EndsWith('*'))
        {
            var prefix = body[..^1];
            if (!IsWord(prefix) || prefix.Length < 4 || prefix.Contains('|'))
            {
                error = "a prefix is one word of 4+ letters followed by *";
                return null;
            }

            return new PatternElement(ElementKind.Prefix, new[] { prefix }.ToFrozenSet(StringComparer.Ordinal), optional);
        }

        var words = body.Split('|');
        var bad = words.FirstOrDefault(w => !IsWord(w));
        if (bad is not null)
        {
            error = $"'{bad}' is not a lower-case word (a-z, 0-9; write contractions out: 'do not', 'i am')";
            return null;
        }

        return new PatternElement(ElementKind.Words, words.ToFrozenSet(StringComparer.Ordinal), optional);
    }

    private static PatternElement? ParseNumber(string body, bool optional, out string? error)
    {
        error = null;
        if (body == "#")
        {
            return new PatternElement(ElementKind.Number, FrozenSet<string>.Empty, optional);
        }

        var range = body[1..].Split('-');
        if (range.Length == 2
            && int.TryParse(range[0], NumberStyles.None, CultureInfo.InvariantCulture, out var min)
            && int.TryParse(range[1], NumberStyles.None, CultureInfo.InvariantCulture, out var max)
            && min <= max)
        {
            return new PatternElement(ElementKind.Number, FrozenSet<string>.Empty, optional, Min: min, Max: max);
        }

        error = "a number is # or #MIN-MAX";
        return null;
    }
}
