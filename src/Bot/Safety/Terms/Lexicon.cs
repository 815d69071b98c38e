using System.Collections.Frozen;
using Clinic.Bot.Safety.Matching;

namespace Clinic.Bot.Safety.Terms;

/// <summary>The cue word lists the analysis logic consults (who is speaking, negation, hypotheticals...).</summary>
internal sealed class Lexicon
{
    public required FrozenSet<string> FirstPerson { get; init; }
    public required FrozenSet<string> Proxy { get; init; }
    public required FrozenSet<string> ProxyCrisisOnly { get; init; }
    public required FrozenSet<string> Generic { get; init; }
    public required PatternSet<string> GenericSelfMarkers { get; init; }
    public required FrozenSet<string> Devices { get; init; }
    public required FrozenSet<string> Agents { get; init; }
    public required FrozenSet<string> AgentCues { get; init; }
    public required FrozenSet<string> Negators { get; init; }
    public required FrozenSet<string> UncertaintyAfterNegator { get; init; }
    public required FrozenSet<string> PostNegators { get; init; }
    public required FrozenSet<string> ScopeBreakers { get; init; }
    public required FrozenSet<string> ScopeResetters { get; init; }
    public required FrozenSet<string> Coordinators { get; init; }
    public required FrozenSet<string> VerbsAfterCoordinator { get; init; }
    public required FrozenSet<string> HypotheticalMarkers { get; init; }
    public required FrozenSet<string> HypotheticalMarkersContraindication { get; init; }
    public required FrozenSet<string> HypotheticalVerbsContraindication { get; init; }
    public required FrozenSet<string> HypotheticalVerbsCrisis { get; init; }
    public required FrozenSet<string> PresentCues { get; init; }
    public required FrozenSet<string> ResumedCues { get; init; }
    public required PatternSet<string> DistantPast { get; init; }
    public required FrozenSet<string> QuestionStarters { get; init; }
    public required FrozenSet<string> Fillers { get; init; }
    public required FrozenSet<string> StateCues { get; init; }
    public required FrozenSet<string> StateTerms { get; init; }
    public required FrozenSet<string> AnaphoraVerbs { get; init; }
    public required FrozenSet<string> AnaphoraPronouns { get; init; }
    public required PatternSet<string> AnaphoraEndings { get; init; }
    public required FrozenSet<string> AnaphoraTail { get; init; }
    public required FrozenSet<string> FutureQuestionStarters { get; init; }
    public required FrozenSet<string> ConditionLinks { get; init; }
    public required FrozenSet<string> SpecificGeneric { get; init; }
    public required FrozenSet<string> NumberWords { get; init; }
    public required FrozenSet<string> ContextBlockers { get; init; }
    public required FrozenSet<string> RequestCues { get; init; }

    public bool IsPerson(string word, bool crisis) =>
        FirstPerson.Contains(word) || Proxy.Contains(word) || (crisis && ProxyCrisisOnly.Contains(word));
}
