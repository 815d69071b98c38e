using System.Collections.Frozen;
using System.Text.RegularExpressions;
using Clinic.Bot.Safety.Matching;

namespace Clinic.Bot.Safety.Terms;

/// <summary>Validates a parsed terms document and compiles it; every problem is collected, then reported at once.</summary>
internal sealed partial class TermsCompiler(string source)
{
    private const int MaxReportedErrors = 25;
    private readonly List<string> _errors = [];

    public CompiledTerms Compile(TermsDocument document)
    {
        if (document.Version != 1)
        {
            _errors.Add($"version must be 1 (found {document.Version})");
        }

        if (document.Rules.Count == 0)
        {
            _errors.Add("rules must not be empty");
        }

        var rules = document.Rules.Select((r, i) => CompileRule(r, i)).Where(r => r.Rule is not null).ToList();
        foreach (var duplicate in document.Rules.GroupBy(r => r.Id).Where(g => g.Count() > 1))
        {
            _errors.Add($"rule id '{duplicate.Key}' is used more than once");
        }

        var informational = Patterns("informational", document.Informational);
        var contexts = Patterns("mentionContexts", document.MentionContexts);
        var idioms = Patterns("idioms", document.Idioms);
        var aliases = Phrases("aliases", document.Aliases, AliasKey());
        var acronyms = Phrases("acronyms", document.Acronyms, AcronymKey());
        var lexiconCompiler = new LexiconCompiler(_errors);
        var lexicon = lexiconCompiler.Compile(document.Lexicon);
        CheckWords("guardWords", document.GuardWords);
        CheckWords("generatedGuardWords", document.GeneratedGuardWords);

        if (_errors.Count > 0)
        {
            var shown = _errors.Take(MaxReportedErrors).Select(e => "\n  - " + e);
            var more = _errors.Count > MaxReportedErrors ? $"\n  ... and {_errors.Count - MaxReportedErrors} more" : string.Empty;
            throw new SafetyTermsException($"Safety terms file '{source}' has {_errors.Count} problem(s):{string.Concat(shown)}{more}");
        }

        return new CompiledTerms(
            rules.Select(r => (r.Rule!, r.Patterns)).ToList(),
            informational, contexts, idioms, aliases, acronyms, lexicon,
            lexiconCompiler.Words, [.. document.GuardWords, .. document.GeneratedGuardWords]);
    }

    private (TermRule? Rule, List<Pattern> Patterns) CompileRule(RuleDocument rule, int index)
    {
        var where = $"rules[{index}] '{rule.Id}'";
        var level = rule.Level switch
        {
            "crisis" => TriageLevel.Crisis,
            "contraindication" => TriageLevel.Contraindication,
            _ => (TriageLevel?)null,
        };
        if (level is null)
        {
            _errors.Add($"{where}: level must be 'crisis' or 'contraindication' (found '{rule.Level}')");
        }

        var prefix = level == TriageLevel.Crisis ? "crisis." : "contra.";
        if (!RuleId().IsMatch(rule.Id) || (level is not null && !rule.Id.StartsWith(prefix, StringComparison.Ordinal)))
        {
            _errors.Add($"{where}: id must look like '{prefix}some-name' (lower case, digits, dashes)");
        }

        var subject = rule.Subject switch { "auto" => SubjectMode.Auto, "any" => SubjectMode.Any, _ => (SubjectMode?)null };
        if (subject is null)
        {
            _errors.Add($"{where}: subject must be 'auto' or 'any' (found '{rule.Subject}')");
        }

        var negation = (rule.Negation ?? (level == TriageLevel.Crisis ? "none" : "scope")) switch
        {
            "none" => NegationMode.None,
            "strict" => NegationMode.Strict,
            "scope" => NegationMode.Scope,
            _ => (NegationMode?)null,
        };
        if (negation is null)
        {
            _errors.Add($"{where}: negation must be 'none', 'strict' or 'scope' (found '{rule.Negation}')");
        }

        if (rule.Patterns.Count == 0)
        {
            _errors.Add($"{where}: patterns must not be empty");
        }

        var patterns = Patterns($"{where} patterns", rule.Patterns);
        if (level is null || subject is null || negation is null)
        {
            return (null, patterns);
        }

        var hypothetical = rule.Hypothetical ?? level == TriageLevel.Contraindication;
        return (new TermRule(rule.Id, level.Value, subject.Value, negation.Value, hypothetical, rule.PastIsHistory), patterns);
    }

    private List<Pattern> Patterns(string where, IReadOnlyList<string> sources)
    {
        var patterns = new List<Pattern>(sources.Count);
        foreach (var source in sources)
        {
            var pattern = PatternParser.TryParse(source, out var error);
            if (pattern is null)
            {
                _errors.Add($"{where}: pattern '{source}' {error}");
            }
            else
            {
                patterns.Add(pattern);
            }
        }

        return patterns;
    }

    private FrozenDictionary<string, string[]> Phrases(string where, IReadOnlyDictionary<string, string> map, Regex keyFormat)
    {
        var result = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var (key, value) in map)
        {
            var words = value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (!keyFormat.IsMatch(key))
            {
                _errors.Add($"{where}: key '{key}' is not in the expected form ({keyFormat})");
            }
            else if (words.Length == 0 || !words.All(PatternParser.IsWord))
            {
                _errors.Add($"{where}: '{key}' must map to lower-case words (found '{value}')");
            }
            else
            {
                result[key] = words;
            }
        }

        return result.ToFrozenDictionary(StringComparer.Ordinal);
    }

    private void CheckWords(string where, IReadOnlyList<string> words)
    {
        foreach (var word in words.Where(w => !PatternParser.IsWord(w)))
        {
            _errors.Add($"{where}: '{word}' is not a lower-case word");
        }
    }

    [GeneratedRegex("^[a-z]+\\.[a-z0-9-]+$")]
    private static partial Regex RuleId();

    [GeneratedRegex("^[a-z0-9']+$")]
    private static partial Regex AliasKey();

    [GeneratedRegex("^[A-Z0-9]{2,}$")]
    private static partial Regex AcronymKey();
}

/// <summary>The validated content of a terms file, ready to build the matcher from.</summary>
internal sealed record CompiledTerms(
    List<(TermRule Rule, List<Pattern> Patterns)> Rules,
    List<Pattern> Informational,
    List<Pattern> MentionContexts,
    List<Pattern> Idioms,
    FrozenDictionary<string, string[]> Aliases,
    FrozenDictionary<string, string[]> Acronyms,
    Lexicon Lexicon,
    IReadOnlyCollection<string> LexiconWords,
    IReadOnlyList<string> GuardWords);
