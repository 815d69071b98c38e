using System.Collections.Frozen;
using System.Text.Json;
using Clinic.Bot.Safety.Matching;
using Clinic.Bot.Safety.Terms;
using Clinic.Bot.Safety.Text;

namespace Clinic.Bot.Safety;

/// <summary>
/// The clinic-reviewable term lists (safety-terms.json), validated and compiled once. Load it at start-up: a missing
/// or malformed file raises <see cref="SafetyTermsException"/> with every problem listed.
/// </summary>
public sealed class SafetyTerms
{
    private const int MinTermLength = 3;

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow,
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
        AllowTrailingCommas = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
    };

    private SafetyTerms(CompiledTerms compiled)
    {
        Lexicon = compiled.Lexicon;
        Rules = compiled.Rules.Select(r => r.Rule).ToArray();
        RulePatterns = new PatternSet<TermRule>(compiled.Rules.SelectMany(r => r.Patterns.Select(p => (r.Rule, p))), Lexicon.NumberWords);
        Informational = new PatternSet<string>(compiled.Informational.Select(p => ("info.topic", p)), Lexicon.NumberWords);
        MentionContexts = new PatternSet<string>(compiled.MentionContexts.Select(p => ("context", p)), Lexicon.NumberWords);
        Idioms = new PatternSet<string>(compiled.Idioms.Select(p => ("idiom", p)), Lexicon.NumberWords);
        PatternCount = compiled.Rules.Sum(r => r.Patterns.Count);

        IEnumerable<Pattern> allPatterns = [.. compiled.Rules.SelectMany(r => r.Patterns), .. compiled.Informational, .. compiled.MentionContexts, .. compiled.Idioms];
        var patternWords = allPatterns.SelectMany(WordsOf).ToHashSet(StringComparer.Ordinal);
        var vocabulary = patternWords
            .Concat(compiled.Aliases.Keys.Where(k => k.All(char.IsAsciiLetterLower)))
            .Where(w => w.Length >= MinTermLength && w.All(char.IsAsciiLetterLower))
            .ToFrozenSet(StringComparer.Ordinal);
        var known = patternWords
            .Concat(vocabulary)
            .Concat(compiled.LexiconWords)
            .Concat(compiled.Aliases.Values.SelectMany(v => v))
            .Concat(compiled.Acronyms.Values.SelectMany(v => v))
            .Concat(compiled.GuardWords)
            .ToFrozenSet(StringComparer.Ordinal);

        var resolver = new WordResolver(compiled.Aliases, compiled.Acronyms, known, vocabulary, new SpellingIndex(vocabulary), IsRiskPhrase);
        Builder = new TokenStreamBuilder(resolver, allPatterns.SelectMany(Bigrams).ToFrozenSet(StringComparer.Ordinal));
    }

    /// <summary>safety-terms.json next to the application (copied to the output by Bot.csproj).</summary>
    public static string DefaultPath => Path.Combine(AppContext.BaseDirectory, "Safety", "safety-terms.json");

    /// <summary>Number of rules (for start-up logging).</summary>
    public int RuleCount => Rules.Length;

    /// <summary>Number of rule patterns (for start-up logging).</summary>
    public int PatternCount { get; }

    internal Lexicon Lexicon { get; }

    internal TermRule[] Rules { get; }

    internal PatternSet<TermRule> RulePatterns { get; }

    internal PatternSet<string> Informational { get; }

    internal PatternSet<string> MentionContexts { get; }

    internal PatternSet<string> Idioms { get; }

    internal TokenStreamBuilder Builder { get; }

    /// <summary>Loads and validates a terms file (default: <see cref="DefaultPath"/>).</summary>
    public static SafetyTerms Load(string? path = null)
    {
        path = string.IsNullOrWhiteSpace(path) ? DefaultPath : path;
        string json;
        try
        {
            json = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new SafetyTermsException($"Safety terms file '{path}' could not be read: {e.Message} (set Safety:TermsPath to the file).", e);
        }

        return Parse(json, path);
    }

    /// <summary>Validates and compiles terms from JSON text; <paramref name="source"/> names it in error messages.</summary>
    public static SafetyTerms Parse(string json, string source = "safety-terms.json")
    {
        ArgumentNullException.ThrowIfNull(json);
        TermsDocument? document;
        try
        {
            document = JsonSerializer.Deserialize<TermsDocument>(json, JsonOptions);
        }
        catch (JsonException e)
        {
            throw new SafetyTermsException($"Safety terms file '{source}' is not valid: {e.Message}", e);
        }

        if (document is null)
        {
            throw new SafetyTermsException($"Safety terms file '{source}' is empty (expected a JSON object).");
        }

        return new SafetyTerms(new TermsCompiler(source).Compile(document));
    }

    private bool IsRiskPhrase(IReadOnlyList<string> words)
    {
        var tokens = words.Select(w => new Token(w, 0, 0)).ToArray();
        return RulePatterns.AnyMatch(new TokenStream(tokens, [new SentenceSpan(0, tokens.Length, false, false)]));
    }

    private static IEnumerable<string> WordsOf(Pattern pattern) =>
        pattern.Elements.Where(e => e.Kind == ElementKind.Words).SelectMany(e => e.Words);

    private static IEnumerable<string> Bigrams(Pattern pattern)
    {
        var elements = pattern.Elements;
        for (var i = 0; i + 1 < elements.Length; i++)
        {
            if (elements[i].Kind == ElementKind.Words && elements[i + 1].Kind == ElementKind.Words)
            {
                foreach (var first in elements[i].Words)
                {
                    foreach (var second in elements[i + 1].Words)
                    {
                        yield return first + " " + second;
                    }
                }
            }
        }
    }
}
