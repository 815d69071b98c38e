using System.Collections.Frozen;
using Clinic.Bot.Safety.Matching;

namespace Clinic.Bot.Safety.Terms;

/// <summary>Checks and freezes the lexicon word lists; phrase lists become patterns.</summary>
internal sealed class LexiconCompiler(List<string> errors)
{
    private readonly HashSet<string> _words = new(StringComparer.Ordinal);
    private FrozenSet<string> _numberWords = FrozenSet<string>.Empty;

    /// <summary>Every word the lexicon mentions (they count as known words, never spell-corrected).</summary>
    public IReadOnlyCollection<string> Words => _words;

    public Lexicon Compile(LexiconDocument d)
    {
        _numberWords = Set("numberWords", d.NumberWords);
        return new Lexicon
        {
            FirstPerson = Set("firstPerson", d.FirstPerson),
            Proxy = Set("proxy", d.Proxy),
            ProxyCrisisOnly = Set("proxyCrisisOnly", d.ProxyCrisisOnly),
            Generic = Set("generic", d.Generic),
            GenericSelfMarkers = PhraseSet("genericSelfMarkers", d.GenericSelfMarkers),
            Devices = Set("devices", d.Devices),
            Agents = Set("agents", d.Agents),
            AgentCues = Set("agentCues", d.AgentCues),
            Negators = Set("negators", d.Negators),
            UncertaintyAfterNegator = Set("uncertaintyAfterNegator", d.UncertaintyAfterNegator),
            PostNegators = Set("postNegators", d.PostNegators),
            ScopeBreakers = Set("scopeBreakers", d.ScopeBreakers),
            ScopeResetters = Set("scopeResetters", d.ScopeResetters),
            Coordinators = Set("coordinators", d.Coordinators),
            VerbsAfterCoordinator = Set("verbsAfterCoordinator", d.VerbsAfterCoordinator),
            HypotheticalMarkers = Set("hypotheticalMarkers", d.HypotheticalMarkers),
            HypotheticalMarkersContraindication = Set("hypotheticalMarkersContraindication", d.HypotheticalMarkersContraindication),
            HypotheticalVerbsContraindication = Set("hypotheticalVerbsContraindication", d.HypotheticalVerbsContraindication),
            HypotheticalVerbsCrisis = Set("hypotheticalVerbsCrisis", d.HypotheticalVerbsCrisis),
            PresentCues = Set("presentCues", d.PresentCues),
            ResumedCues = Set("resumedCues", d.ResumedCues),
            DistantPast = PhraseSet("distantPast", d.DistantPast),
            QuestionStarters = Set("questionStarters", d.QuestionStarters),
            Fillers = Set("fillers", d.Fillers),
            StateCues = Set("stateCues", d.StateCues),
            StateTerms = Set("stateTerms", d.StateTerms),
            AnaphoraVerbs = Set("anaphoraVerbs", d.AnaphoraVerbs),
            AnaphoraPronouns = Set("anaphoraPronouns", d.AnaphoraPronouns),
            AnaphoraEndings = PhraseSet("anaphoraEndings", d.AnaphoraEndings),
            AnaphoraTail = Set("anaphoraTail", d.AnaphoraTail),
            FutureQuestionStarters = Set("futureQuestionStarters", d.FutureQuestionStarters),
            ConditionLinks = Set("conditionLinks", d.ConditionLinks),
            SpecificGeneric = Set("specificGeneric", d.SpecificGeneric),
            NumberWords = _numberWords,
            ContextBlockers = Set("contextBlockers", d.ContextBlockers),
            RequestCues = Set("requestCues", d.RequestCues),
        };
    }

    private FrozenSet<string> Set(string name, IReadOnlyList<string> words)
    {
        foreach (var word in words)
        {
            if (PatternParser.IsWord(word))
            {
                _words.Add(word);
            }
            else
            {
                errors.Add($"lexicon.{name}: '{word}' is not a lower-case word");
            }
        }

        return words.ToFrozenSet(StringComparer.Ordinal);
    }

    private PatternSet<string> PhraseSet(string name, IReadOnlyList<string> phrases)
    {
        var patterns = new List<(string, Pattern)>();
        foreach (var phrase in phrases)
        {
            var pattern = PatternParser.TryParse(phrase, out var error);
            if (pattern is null)
            {
                errors.Add($"lexicon.{name}: '{phrase}' {error}");
                continue;
            }

            patterns.Add((name, pattern));
            foreach (var element in pattern.Elements.Where(e => e.Kind == ElementKind.Words))
            {
                _words.UnionWith(element.Words);
            }
        }

        return new PatternSet<string>(patterns, _numberWords);
    }
}
