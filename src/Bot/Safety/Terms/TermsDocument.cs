using System.Text.Json.Serialization;

namespace Clinic.Bot.Safety.Terms;

// The JSON shape of safety-terms.json. Validation beyond shape lives in TermsCompiler.
internal sealed record TermsDocument(
    int Version,
    IReadOnlyList<RuleDocument> Rules,
    IReadOnlyList<string> Informational,
    IReadOnlyList<string> MentionContexts,
    IReadOnlyList<string> Idioms,
    IReadOnlyDictionary<string, string> Aliases,
    IReadOnlyDictionary<string, string> Acronyms,
    LexiconDocument Lexicon,
    IReadOnlyList<string> GuardWords,
    IReadOnlyList<string> GeneratedGuardWords)
{
    [JsonPropertyName("$comment")]
    public IReadOnlyList<string>? Comment { get; init; }
}

internal sealed record RuleDocument(string Id, string Level, IReadOnlyList<string> Patterns)
{
    public string Subject { get; init; } = "auto";

    public string? Negation { get; init; }

    public bool? Hypothetical { get; init; }

    public bool PastIsHistory { get; init; }
}

internal sealed record LexiconDocument(
    IReadOnlyList<string> FirstPerson,
    IReadOnlyList<string> Proxy,
    IReadOnlyList<string> ProxyCrisisOnly,
    IReadOnlyList<string> Generic,
    IReadOnlyList<string> GenericSelfMarkers,
    IReadOnlyList<string> Devices,
    IReadOnlyList<string> Agents,
    IReadOnlyList<string> AgentCues,
    IReadOnlyList<string> Negators,
    IReadOnlyList<string> UncertaintyAfterNegator,
    IReadOnlyList<string> PostNegators,
    IReadOnlyList<string> ScopeBreakers,
    IReadOnlyList<string> ScopeResetters,
    IReadOnlyList<string> Coordinators,
    IReadOnlyList<string> VerbsAfterCoordinator,
    IReadOnlyList<string> HypotheticalMarkers,
    IReadOnlyList<string> HypotheticalMarkersContraindication,
    IReadOnlyList<string> HypotheticalVerbsContraindication,
    IReadOnlyList<string> HypotheticalVerbsCrisis,
    IReadOnlyList<string> PresentCues,
    IReadOnlyList<string> ResumedCues,
    IReadOnlyList<string> DistantPast,
    IReadOnlyList<string> QuestionStarters,
    IReadOnlyList<string> Fillers,
    IReadOnlyList<string> StateCues,
    IReadOnlyList<string> StateTerms,
    IReadOnlyList<string> AnaphoraVerbs,
    IReadOnlyList<string> AnaphoraPronouns,
    IReadOnlyList<string> AnaphoraEndings,
    IReadOnlyList<string> AnaphoraTail,
    IReadOnlyList<string> FutureQuestionStarters,
    IReadOnlyList<string> ConditionLinks,
    IReadOnlyList<string> SpecificGeneric,
    IReadOnlyList<string> NumberWords,
    IReadOnlyList<string> ContextBlockers,
    IReadOnlyList<string> RequestCues);
