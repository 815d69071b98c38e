using System.Text;
using Clinic.Bot.Safety;
using Clinic.Bot.Safety.Contact;
using Clinic.Bot.Safety.Evaluation;
using Microsoft.Extensions.Options;

namespace Clinic.Bot.Tests.Safety;

public sealed class TriageFuzzTests
{
    private static readonly SafetyOptions Options = new();

    [Fact]
    public void NeverThrowsOnRandomUnicode()
    {
        var random = new Random(20240601);
        for (var i = 0; i < 3_000; i++)
        {
            AssertWellFormed(RandomText(random, random.Next(0, 200)));
        }
    }

    [Fact]
    public void NeverThrowsOnMutatedDevSetMessages()
    {
        var random = new Random(7);
        var texts = SafetyEvaluation.ReadJsonl(SafetyFixture.RepoFile("eval/safety-dev.jsonl")).Select(i => i.Text).ToArray();
        foreach (var text in texts)
        {
            for (var round = 0; round < 5; round++)
            {
                AssertWellFormed(Mutate(random, text));
            }
        }
    }

    [Theory]
    [InlineData("\0\0\0kill\0myself\0")]
    [InlineData("\ud800\ud800 lone high surrogates \udc00")]
    [InlineData("\udfff\ud83d")]
    [InlineData("'''''''")]
    [InlineData("- - - . . . ! ? ; : , \" ( ) [ ]")]
    [InlineData("a-b-c-d-e-f-g-h-i-j-k-l-m-n-o-p-q-r-s-t-u-v-w-x-y-z")]
    [InlineData("s u i c i d e s u i c i d e s u i c i d e s u i c i d e")]
    [InlineData("1111111111111111111111111111111111111111111111111111")]
    [InlineData("k1!|k1!|k1!|k1!|k1!|k1!|k1!|k1!")]
    [InlineData("****************************************")]
    [InlineData("don't can't won't y'all ol' 'tis '' ' n't 's")]
    public void NeverThrowsOnAdversarialShapes(string text) => AssertWellFormed(text);

    [Fact]
    public void HandlesVeryLongInputAndStillFindsRisk()
    {
        var builder = new StringBuilder();
        var random = new Random(3);
        while (builder.Length < 300_000)
        {
            builder.Append(RandomText(random, 50)).Append(' ');
        }

        builder.Append(" i want to kill myself");
        var result = SafetyFixture.Triage.Classify(builder.ToString());
        Assert.Equal(TriageLevel.Crisis, result.Level);
        Assert.True(result.Reasons.Count <= 32);
    }

    [Fact]
    public void HandlesOneGiantWord() => AssertWellFormed(new string('k', 200_000) + "ill myself");

    [Fact]
    public void ContactRecognizersNeverThrowOnRandomInput()
    {
        var random = new Random(11);
        var recognizer = new ContactRecognizer(new PhoneContactRecognizer(Microsoft.Extensions.Options.Options.Create(Options)), new EmailContactRecognizer());
        for (var i = 0; i < 1_000; i++)
        {
            Assert.NotNull(recognizer.Recognize(RandomText(random, random.Next(0, 120)) + "@" + RandomText(random, 10)));
        }
    }

    [Fact]
    public void ClassifyIsSafeAcrossThreads()
    {
        var texts = new[] { "i want to die", "I'm pregnant", "is ketamine safe in pregnancy?", "what are your hours?" };
        var expected = texts.Select(SafetyFixture.LevelOf).ToArray();
        Parallel.For(0, 2_000, i => Assert.Equal(expected[i % texts.Length], SafetyFixture.LevelOf(texts[i % texts.Length])));
    }

    private static void AssertWellFormed(string text)
    {
        var result = SafetyFixture.Triage.Classify(text);
        Assert.NotNull(result);
        Assert.NotNull(result.Reasons);
        Assert.True(Enum.IsDefined(result.Level));
        Assert.Equal(result.Level == TriageLevel.None, result.Reasons.Count == 0);
    }

    private static string RandomText(Random random, int length)
    {
        var builder = new StringBuilder(length);
        for (var i = 0; i < length; i++)
        {
            var kind = random.Next(10);
            builder.Append(kind switch
            {
                0 => (char)random.Next(0xD800, 0xE000),          // surrogates, often unpaired
                1 => (char)random.Next(0, 0x20),                   // controls and NUL
                2 => "\u200B\u200D\u2060\uFEFF\u00AD"[random.Next(5)].ToString(),
                3 => char.ConvertFromUtf32(random.Next(0x1D400, 0x1D7FF)),
                4 => (char)random.Next(0x0400, 0x0500),            // Cyrillic
                5 => " .,!?;:'-*@$|/"[random.Next(14)].ToString(),
                6 => (char)random.Next(0x20, 0xFFFF),
                _ => (char)random.Next('a', 'z' + 1),
            });
        }

        return builder.ToString();
    }

    private static string Mutate(Random random, string text)
    {
        var chars = new StringBuilder(text);
        for (var edits = random.Next(1, 6); edits > 0 && chars.Length > 0; edits--)
        {
            var at = random.Next(chars.Length);
            switch (random.Next(5))
            {
                case 0: chars.Remove(at, 1); break;
                case 1: chars.Insert(at, (char)random.Next(0, 0xFFFF)); break;
                case 2: chars.Insert(at, "\u200B"); break;
                case 3: chars[at] = char.ToUpperInvariant(chars[at]); break;
                default: chars.Insert(at, chars[at]); break;
            }
        }

        return chars.ToString();
    }
}
