using System.Text.RegularExpressions;
using Clinic.Knowledge.Retrieval;

namespace Clinic.Knowledge.Generation;

/// <summary>
/// The numbers a text states, each normalised with its unit ("0.5-1 mg/kg", "24 hour", "$ 400", "6 infusion"), and the
/// month names it dates things with. Two texts agree on a number only if value and unit are the same.
/// </summary>
internal static partial class NumberFacts
{
    private static readonly Dictionary<string, string> NumberWords = new(StringComparer.Ordinal)
    {
        ["one"] = "1", ["two"] = "2", ["three"] = "3", ["four"] = "4", ["five"] = "5", ["six"] = "6", ["seven"] = "7",
        ["eight"] = "8", ["nine"] = "9", ["ten"] = "10", ["eleven"] = "11", ["twelve"] = "12", ["fifteen"] = "15",
        ["twenty"] = "20", ["thirty"] = "30", ["forty"] = "40", ["fifty"] = "50", ["sixty"] = "60", ["ninety"] = "90",
        ["hundred"] = "100", ["thousand"] = "1000", ["twice"] = "2x", ["thrice"] = "3x", ["half"] = "1/2", ["dozen"] = "12",
        ["single"] = "1", ["once"] = "1x",
    };

    private static readonly HashSet<string> Months = new(StringComparer.Ordinal)
    {
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
    };

    private static readonly HashSet<string> Units = new(StringComparer.Ordinal)
    {
        "%", "mg", "mcg", "ml", "hour", "minute", "day", "week", "month", "year", "session", "treatment", "infusion", "dose", "visit", "$",
    };

    /// <summary>The normalised facts of <paramref name="text"/>.</summary>
    public static HashSet<string> Extract(string text)
    {
        var folded = TextAnalyzer.Fold(text);
        var facts = new HashSet<string>(StringComparer.Ordinal);
        foreach (Match m in Numeric().Matches(folded))
        {
            var value = m.Groups["value"].Value.Replace(",", "", StringComparison.Ordinal);
            value = RangeSeparator().Replace(value, "-");
            var unit = Unit(m.Groups["currency"].Success ? "$" : m.Groups["unit"].Value);
            facts.Add(unit.Length == 0 ? value : value + " " + unit);
            // "24 hours" also states the bare 24, so a sentence that says "24" without the unit still matches.
            if (unit.Length > 0)
                facts.Add(value);
        }
        var words = TextAnalyzer.Words(folded);
        for (var i = 0; i < words.Count; i++)
        {
            // "may" is usually the verb; only a "May" followed by a year or a day counts as a date.
            if (Months.Contains(words[i]) && (words[i] != "may" || (i + 1 < words.Count && words[i + 1].All(char.IsAsciiDigit))))
                facts.Add(words[i]);
            else if (NumberWords.TryGetValue(words[i], out var digits))
            {
                var unit = i + 1 < words.Count && Units.Contains(Unit(words[i + 1])) ? Unit(words[i + 1]) : "";
                facts.Add(unit.Length == 0 ? digits : digits + " " + unit);
                if (unit.Length > 0)
                    facts.Add(digits);
            }
        }
        return facts;
    }

    /// <summary>The unit in one spelling: plural and abbreviations folded ("hrs" and "hours" are "hour").</summary>
    private static string Unit(string unit) => unit.Trim() switch
    {
        "" => "",
        "%" or "percent" or "per cent" => "%",
        "mg" or "milligram" or "milligrams" => "mg",
        "mg/kg" => "mg/kg",
        "dollar" or "dollars" => "$",
        "mcg" or "micrograms" or "microgram" => "mcg",
        "ml" or "milliliters" or "millilitres" => "ml",
        "h" or "hr" or "hrs" or "hour" or "hours" => "hour",
        "min" or "mins" or "minute" or "minutes" => "minute",
        "day" or "days" => "day",
        "week" or "weeks" => "week",
        "month" or "months" => "month",
        "year" or "years" => "year",
        var other => other.EndsWith('s') && other.Length > 3 ? other[..^1] : other,
    };

    [GeneratedRegex(
        @"(?<currency>\$\s*)?(?<value>\d+(?:[.,]\d+)*(?:\s*(?:-|–|—|to)\s*\d+(?:[.,]\d+)*)?)" +
        @"(?:\s*(?<unit>%|per\s?cent\b|mg/kg\b|mg\b|milligrams?\b|mcg\b|micrograms?\b|ml\b|millilit(?:er|re)s?\b|hrs?\b|hours?\b|h\b|mins?\b|minutes?\b|days?\b|weeks?\b|months?\b|years?\b|sessions?\b|treatments?\b|infusions?\b|doses?\b|visits?\b|dollars?\b))?",
        RegexOptions.CultureInvariant)]
    private static partial Regex Numeric();

    [GeneratedRegex(@"\s*(?:–|—|to|-)\s*")]
    private static partial Regex RangeSeparator();
}
