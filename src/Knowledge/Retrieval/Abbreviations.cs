using System.Reflection;
using System.Text.RegularExpressions;

namespace Clinic.Knowledge.Retrieval;

/// <summary>
/// Abbreviations visitors type ("bp", "meds", "ER") and the words they stand for (abbreviations.txt), so that a question
/// in chat shorthand finds the corpus's words. Keys written in capitals match only in capitals.
/// </summary>
internal sealed class Abbreviations
{
    private readonly Dictionary<string, string> _anyCase = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, string> _exactCase = new(StringComparer.Ordinal);
    private readonly Regex? _pattern;

    private Abbreviations(IEnumerable<(string Key, string Words)> entries)
    {
        foreach (var (key, words) in entries)
        {
            if (key.Any(char.IsUpper))
                _exactCase[key] = words;
            else
                _anyCase[key] = words;
        }
        var keys = _exactCase.Keys.Concat(_anyCase.Keys).OrderByDescending(k => k.Length).Select(Regex.Escape).ToList();
        if (keys.Count > 0)
        {
            _pattern = new Regex(@"(?<![\w/])(?:" + string.Join('|', keys) + @")(?![\w/])",
                RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled);
        }
    }

    /// <summary>The table shipped in the assembly (abbreviations.txt).</summary>
    public static Abbreviations Default { get; } = Parse(ReadEmbedded());

    public static Abbreviations Parse(string text)
    {
        var entries = new List<(string, string)>();
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#'))
                continue;
            var eq = line.IndexOf('=');
            if (eq <= 0 || eq == line.Length - 1)
                throw new FormatException($"abbreviations.txt: '{line}' is not \"abbreviation = words\".");
            entries.Add((line[..eq].Trim(), line[(eq + 1)..].Trim()));
        }
        return new Abbreviations(entries);
    }

    /// <summary>
    /// <paramref name="text"/> with each abbreviation spelled out, except those <paramref name="corpusUses"/> says the
    /// corpus itself uses; every replacement is added to <paramref name="replaced"/> as (typed, words).
    /// </summary>
    public string Expand(string text, Func<string, bool> corpusUses, List<(string Typed, string Corrected)> replaced)
    {
        if (_pattern is null)
            return text;
        return _pattern.Replace(text, m =>
        {
            var words = _exactCase.TryGetValue(m.Value, out var exact) ? exact : _anyCase.GetValueOrDefault(m.Value);
            if (words is null || corpusUses(m.Value))
                return m.Value;
            replaced.Add((m.Value, words));
            return words;
        });
    }

    private static string ReadEmbedded()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Clinic.Knowledge.Retrieval.abbreviations.txt")
            ?? throw new InvalidOperationException("The abbreviation table is missing from the assembly; rebuild the Knowledge project.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
