using System.Text.Json.Nodes;
using Clinic.Bot.Safety;

namespace Clinic.Bot.Tests.Safety;

public sealed class SafetyTermsTests
{
    [Fact]
    public void ShippedTermsFileLoadsFromTheApplicationFolder()
    {
        var terms = SafetyTerms.Load();
        Assert.True(terms.RuleCount >= 15);
        Assert.True(terms.PatternCount >= 200);
    }

    [Fact]
    public void MissingFileFailsWithThePathAndTheSettingToFix()
    {
        var path = Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N"), "safety-terms.json");
        var error = Assert.Throws<SafetyTermsException>(() => SafetyTerms.Load(path));
        Assert.Contains(path, error.Message);
        Assert.Contains("Safety:TermsPath", error.Message);
    }

    [Fact]
    public void BrokenJsonFailsWithItsPosition()
    {
        var error = Assert.Throws<SafetyTermsException>(() => SafetyTerms.Parse("{ \"version\": 1, \"rules\": [ ", "broken.json"));
        Assert.Contains("broken.json", error.Message);
        Assert.Contains("not valid", error.Message);
    }

    [Fact]
    public void EmptyDocumentFails() =>
        Assert.Contains("empty", Assert.Throws<SafetyTermsException>(() => SafetyTerms.Parse("null")).Message);

    [Fact]
    public void UnknownPropertyFailsSoTyposAreNotIgnored()
    {
        var json = Edit(root => root["rules"]![0]!["patern"] = "kill myself");
        Assert.Contains("patern", Assert.Throws<SafetyTermsException>(() => SafetyTerms.Parse(json)).Message);
    }

    [Fact]
    public void MissingSectionFails()
    {
        var json = Edit(root => root.AsObject().Remove("idioms"));
        Assert.Contains("idioms", Assert.Throws<SafetyTermsException>(() => SafetyTerms.Parse(json)).Message);
    }

    [Fact]
    public void ListsEveryProblemAtOnce()
    {
        var json = Edit(root =>
        {
            root["rules"]![0]!["level"] = "urgent";
            root["rules"]![1]!["patterns"]!.AsArray().Add("Kill Myself");
            root["rules"]![2]!["patterns"]!.AsArray().Add("~3 dying");
            root["rules"]![3]!["negation"] = "sometimes";
            root["rules"]![4]!["id"] = root["rules"]![5]!["id"]!.GetValue<string>();
            root["aliases"]!["ok"] = "Fine!";
            root["lexicon"]!["negators"]!.AsArray().Add("don't");
            root["guardWords"]!.AsArray().Add("two words");
        });
        var message = Assert.Throws<SafetyTermsException>(() => SafetyTerms.Parse(json, "edited.json")).Message;
        Assert.Contains("edited.json", message);
        Assert.Contains("level must be 'crisis' or 'contraindication'", message);
        Assert.Contains("'Kill' is not a lower-case word", message);
        Assert.Contains("must not start with a gap", message);
        Assert.Contains("negation must be", message);
        Assert.Contains("is used more than once", message);
        Assert.Contains("aliases: 'ok'", message);
        Assert.Contains("lexicon.negators: 'don't'", message);
        Assert.Contains("guardWords: 'two words'", message);
    }

    [Fact]
    public void RuleIdMustMatchItsLevel()
    {
        var json = Edit(root => root["rules"]![0]!["id"] = "contra.suicidal-intent");
        Assert.Contains("id must look like 'crisis.", Assert.Throws<SafetyTermsException>(() => SafetyTerms.Parse(json)).Message);
    }

    [Theory]
    [InlineData("#abc")]
    [InlineData("~9 x")]
    [InlineData("ab* x")]
    [InlineData("$ x")]
    [InlineData("a||b")]
    public void MalformedPatternSyntaxFails(string pattern)
    {
        var json = Edit(root => root["informational"]!.AsArray().Add(pattern));
        Assert.Contains(pattern, Assert.Throws<SafetyTermsException>(() => SafetyTerms.Parse(json)).Message);
    }

    [Fact]
    public void ClinicCanAddATermWithoutCodeChanges()
    {
        var json = Edit(root => root["rules"]!.AsArray()
            .First(r => r!["id"]!.GetValue<string>() == "contra.maoi")!["patterns"]!.AsArray().Add("zorblatex"));
        var triage = new SafetyTriage(SafetyTerms.Parse(json));
        Assert.Equal(TriageLevel.Contraindication, triage.Classify("I take zorblatex every morning").Level);
        Assert.Equal(TriageLevel.None, SafetyFixture.LevelOf("I take zorblatex every morning"));
    }

    // "will not|would not" is read as three words, not two phrases: catch that slip in the shipped file.
    [Fact]
    public void ShippedPatternsDoNotMistakePhrasesForAlternatives()
    {
        var root = JsonNode.Parse(SafetyFixture.TermsJson)!;
        var patterns = root["rules"]!.AsArray().SelectMany(r => r!["patterns"]!.AsArray())
            .Concat(root["informational"]!.AsArray()).Concat(root["mentionContexts"]!.AsArray()).Concat(root["idioms"]!.AsArray())
            .Select(p => p!.GetValue<string>());
        var suspicious = patterns.Where(p =>
        {
            var sets = p.Split(' ').Where(e => !e.StartsWith('~')).Select(e => e.TrimEnd('?').Split('|').ToHashSet()).ToArray();
            return Enumerable.Range(0, sets.Length - 1).Any(i =>
                sets[i].Overlaps(sets[i + 1]));
        }).ToList();
        Assert.Empty(suspicious);
    }

    private static string Edit(Action<JsonNode> change)
    {
        var root = JsonNode.Parse(SafetyFixture.TermsJson)!;
        change(root);
        return root.ToJsonString();
    }
}
