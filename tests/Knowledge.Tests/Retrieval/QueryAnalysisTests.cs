using Clinic.Knowledge.Answers;
using Clinic.Knowledge.Indexing;
using Clinic.Knowledge.Retrieval;
using Clinic.Knowledge.Tests.Service;
using Microsoft.Extensions.Options;

namespace Clinic.Knowledge.Tests.Retrieval;

/// <summary>How a question's words are read against the real corpus's vocabulary.</summary>
public sealed class QueryAnalysisTests(KnowledgeFixture fixture) : IClassFixture<KnowledgeFixture>
{
    private readonly HybridRetriever _retriever = new(fixture.Encoder, Options.Create(new RetrievalOptions()));

    private async Task<KnowledgeIndex> IndexAsync() => await fixture.Provider.GetAsync();

    [Fact]
    public async Task ReadsAComparativeAsTheWordTheCorpusUses()
    {
        var query = _retriever.Analyze(await IndexAsync(), "which route is quicker?");
        Assert.Contains(TextAnalyzer.Stem("quick"), query.Terms);
        Assert.DoesNotContain(TextAnalyzer.Stem("quicker"), query.Terms);
    }

    [Fact]
    public async Task SpellsOutAnAbbreviationTheCorpusDoesNotUse()
    {
        var query = _retriever.Analyze(await IndexAsync(), "will my bp spike?");
        Assert.Contains(TextAnalyzer.Stem("pressure"), query.Terms);
        Assert.Contains(("bp", "blood pressure"), query.Corrections);
    }

    [Fact]
    public async Task TreatsAHyphenatedCompoundTheCorpusNeverUsesAsOneUnknownWord()
    {
        var index = await IndexAsync();
        var query = _retriever.Analyze(index, "what is the half-life of ketamine?");
        Assert.DoesNotContain(TextAnalyzer.Stem("life"), query.Terms);
        Assert.False(index.Bm25.Contains(Assert.Single(query.Terms, t => t.StartsWith("half", StringComparison.Ordinal))));
    }

    [Fact]
    public async Task KeepsTheWordsOfAHyphenatedCompoundTheCorpusUses()
    {
        var query = _retriever.Analyze(await IndexAsync(), "what is treatment-resistant depression?");
        Assert.Contains(TextAnalyzer.Stem("resistant"), query.Terms);
    }

    [Fact]
    public async Task CountsUnknownVerbsAndNumbersAsMinorButNotUnknownNouns()
    {
        var index = await IndexAsync();
        var verb = _retriever.Analyze(index, "how soon does it kick in, I am 12 weeks in");
        Assert.Contains("kick", verb.MinorTerms);
        Assert.Contains("12", verb.MinorTerms);
        var noun = _retriever.Analyze(index, "does ketamine help tinnitus?");
        Assert.DoesNotContain(noun.Terms, noun.MinorTerms.Contains);
    }

    [Fact]
    public async Task AMissingVerbCostsLessCoverageThanAMissingNoun()
    {
        var index = await IndexAsync();
        var passage = new HashSet<string>(TextAnalyzer.Terms("ketamine infusion"), StringComparer.Ordinal);
        var verb = QueryWeights.For(index, _retriever.Analyze(index, "does a ketamine infusion kick in?"), minorWeight: 0.5);
        var noun = QueryWeights.For(index, _retriever.Analyze(index, "does a ketamine infusion cure tinnitus?"), minorWeight: 0.5);
        Assert.True(verb.Coverage(passage) > noun.Coverage(passage));
    }
}
