using Clinic.Knowledge.Embeddings;
using Microsoft.Extensions.AI;

namespace Clinic.Knowledge.Tests.Embeddings;

public sealed class EmbeddingReuseTests(EncoderFixture fixture) : IClassFixture<EncoderFixture>
{
    private const string Question = "How long does a ketamine infusion take?";
    private readonly UniversalSentenceEncoder _encoder = fixture.Encoder;

    [Fact]
    public async Task EmbedsTheSameTextOnceWithinAScope()
    {
        var alone = _encoder.Embed(Question);
        using var scope = EmbeddingReuse.Begin();
        var before = _encoder.Passes;

        var first = _encoder.Embed([Question, "Is it safe?"]);
        var again = await _encoder.GenerateAsync(Question);

        Assert.Equal(1, _encoder.Passes - before);
        Assert.Equal(alone, first[0]);
        Assert.Equal(alone, again.Vector.ToArray());
    }

    [Fact]
    public void ComputesOnlyTheTextsTheScopeHasNotSeenAndReturnsThemInOrder()
    {
        string[] texts = ["What does it cost?", Question, "Can I drive home afterwards?"];
        var unscoped = _encoder.Embed(texts);
        using var scope = EmbeddingReuse.Begin();
        _encoder.Embed(Question);
        var before = _encoder.Passes;

        var scoped = _encoder.Embed(texts);

        Assert.Equal(1, _encoder.Passes - before);
        Assert.Equal(unscoped, scoped);
    }

    [Fact]
    public void ComputesAgainOutsideAScopeAndAfterItEnds()
    {
        var before = _encoder.Passes;
        _encoder.Embed(Question);
        _encoder.Embed(Question);
        using (EmbeddingReuse.Begin())
            _encoder.Embed(Question);
        _encoder.Embed(Question);

        Assert.Equal(4, _encoder.Passes - before);
    }

    [Fact]
    public void HandsOutCopiesThatCallersMayChange()
    {
        using var scope = EmbeddingReuse.Begin();
        var first = _encoder.Embed(Question);
        var expected = first.ToArray();
        Array.Clear(first);

        Assert.Equal(expected, _encoder.Embed(Question));
    }

    [Fact]
    public void KeepsEachCallersVectorsInItsOwnScopeWhenTheirTextsShareAPass()
    {
        // As a shared pass does: each caller's request starts in its own scope, one computation serves both.
        var expected = _encoder.Embed([Question, "Is it covered by insurance?"]);
        using var firstTurn = EmbeddingReuse.Begin();
        var firstScope = EmbeddingReuse.Active!;
        var first = _encoder.Start([Question], CancellationToken.None);
        using var secondTurn = EmbeddingReuse.Begin();
        var secondScope = EmbeddingReuse.Active!;
        var second = _encoder.Start(["Is it covered by insurance?"], CancellationToken.None);
        var computed = new float[2 * UniversalSentenceEncoder.Dimensions];
        _encoder.Compute([.. first.Missing, .. second.Missing], computed, CancellationToken.None);

        first.Finish(computed.AsSpan(0, UniversalSentenceEncoder.Dimensions));
        second.Finish(computed.AsSpan(UniversalSentenceEncoder.Dimensions));

        var vector = new float[UniversalSentenceEncoder.Dimensions];
        Assert.True(firstScope.TryCopy(first.Tokens[0], vector));
        Assert.Equal(expected[0], vector);
        Assert.False(firstScope.TryCopy(second.Tokens[0], vector));
        Assert.True(secondScope.TryCopy(second.Tokens[0], vector));
        Assert.Equal(expected[1], vector);
        Assert.False(secondScope.TryCopy(first.Tokens[0], vector));
    }
}
