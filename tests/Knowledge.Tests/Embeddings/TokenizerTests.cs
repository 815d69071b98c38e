using Clinic.Knowledge.Embeddings.Tokenization;

namespace Clinic.Knowledge.Tests.Embeddings;

public sealed class TokenizerTests(EncoderFixture fixture) : IClassFixture<EncoderFixture>
{
    [Theory]
    [MemberData(nameof(Golden.CaseIndexes), MemberType = typeof(Golden))]
    public void ProducesTheSameTokenIdsAsTheJavaScriptTokenizer(int index)
    {
        var golden = Golden.Cases[index];

        Assert.Equal(golden.Tokens, fixture.Encoder.Tokenize(golden.Text));
    }

    [Fact]
    public void NormalizesToNfkcExactlyAsNodeDoes()
    {
        var mismatches = Golden.Nfkc
            .Where(c => Nfkc.Normalize(c.Input) != c.Expected)
            .Select(c => $"{Hex(c.Input)} -> {Hex(Nfkc.Normalize(c.Input))}, expected {Hex(c.Expected)}")
            .Take(10)
            .ToList();

        Assert.True(Golden.Nfkc.Count > 5000, "the NFKC golden file is too small to mean much");
        Assert.Empty(mismatches);
    }

    [Fact]
    public void LeavesPlainAsciiUntouched()
    {
        const string text = "What should I expect at my first appointment? 10 mg, 2 hours.";

        Assert.Same(text, Nfkc.Normalize(text));
    }

    [Fact]
    public void GivesNoTokensForAnEmptyText()
    {
        Assert.Empty(fixture.Encoder.Tokenize(""));
    }

    [Fact]
    public void KeepsAnUnpairedSurrogateAsAnUnknownPieceInsteadOfThrowing()
    {
        // JSON cannot carry a lone surrogate, so this one case is not in the golden file; the ids are what
        // the JavaScript tokenizer returns for the same string.
        Assert.Equal([3530, 30, 0, 1515], fixture.Encoder.Tokenize("broken \uD800 text"));
    }

    private static string Hex(string s) => string.Join(' ', s.Select(c => ((int)c).ToString("X4")));
}
