using System.Numerics.Tensors;
using Clinic.Knowledge.Embeddings;
using Microsoft.Extensions.AI;

namespace Clinic.Knowledge.Tests.Embeddings;

public sealed class UniversalSentenceEncoderTests(EncoderFixture fixture) : IClassFixture<EncoderFixture>
{
    private const float Tolerance = 1e-5f;
    private readonly UniversalSentenceEncoder _encoder = fixture.Encoder;

    [Theory]
    [MemberData(nameof(Golden.CaseIndexes), MemberType = typeof(Golden))]
    public void MatchesTheJavaScriptRuntimeWithinOneHundredThousandth(int index)
    {
        var golden = Golden.Cases[index];

        var vector = _encoder.Embed(golden.Text);

        Assert.Equal(UniversalSentenceEncoder.Dimensions, vector.Length);
        var worst = Enumerable.Range(0, vector.Length).Max(i => Math.Abs(vector[i] - golden.Embedding[i]));
        Assert.True(worst <= Tolerance, $"largest difference {worst:E2} for '{golden.Text[..Math.Min(60, golden.Text.Length)]}'");
    }

    [Fact]
    public void EmbedsABatchExactlyAsItEmbedsEachTextAlone()
    {
        // The golden texts hold more tokens than one pass takes, so the batch runs as parallel chunks.
        var texts = Golden.Cases.Select(c => c.Text).Concat(Enumerable.Range(0, 6).Select(i => $"Question number {i} about ketamine dosing?")).ToList();

        var batch = _encoder.Embed(texts);

        Assert.Equal(texts.Count, batch.Length);
        for (var i = 0; i < texts.Count; i++)
        {
            Assert.Equal(_encoder.Embed(texts[i]), batch[i]);
        }
    }

    [Fact]
    public void GivesConcurrentCallersTheSameVectorsAsASingleCaller()
    {
        var texts = Golden.Cases.Select(c => c.Text).Where(t => t.Length < 300).ToArray();
        var expected = texts.Select(_encoder.Embed).ToArray();

        var results = new float[3 * texts.Length][];
        Parallel.For(0, results.Length, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i => results[i] = _encoder.Embed(texts[i % texts.Length]));

        for (var i = 0; i < results.Length; i++)
        {
            Assert.Equal(expected[i % texts.Length], results[i]);
        }
    }

    [Fact]
    public async Task GivesManyConcurrentAsynchronousCallersExactlyTheVectorsTheyWouldGetAlone()
    {
        // Callers that arrive while a pass runs share the next one; each must still get its own texts' vectors, in order.
        string[] texts = [.. Golden.Cases.Select(c => c.Text).Where(t => t.Length < 300), "", "ok", "How long does a ketamine infusion take?"];
        var alone = texts.Select(_encoder.Embed).ToArray();

        var calls = Enumerable.Range(0, 240).Select(i => Task.Run(async () => i % 3 == 0
            ? [(await _encoder.GenerateAsync(texts[i % texts.Length])).Vector.ToArray()]
            : await _encoder.EmbedAsync([texts[i % texts.Length], texts[(i * 7 + 1) % texts.Length]]))).ToArray();
        var results = await Task.WhenAll(calls);

        for (var i = 0; i < results.Length; i++)
        {
            Assert.Equal(alone[i % texts.Length], results[i][0]);
            if (i % 3 != 0)
                Assert.Equal(alone[(i * 7 + 1) % texts.Length], results[i][1]);
        }
    }

    [Fact]
    public async Task ComputesEveryRequestAtOnceWithBatchingOff()
    {
        using var unbatched = new UniversalSentenceEncoder(new EmbeddingOptions { Batching = false });

        var vectors = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => unbatched.EmbedAsync(["Is ketamine addictive?"]))));

        Assert.Equal(0, unbatched.BatchedPasses);
        Assert.All(vectors, v => Assert.Equal(_encoder.Embed("Is ketamine addictive?"), v[0]));
    }

    [Fact]
    public void ProducesUnitVectorsThatPlaceParaphrasesCloserThanUnrelatedText()
    {
        var question = _encoder.Embed("How long does a ketamine infusion take?");
        var paraphrase = _encoder.Embed("What is the duration of a ketamine treatment session?");
        var unrelated = _encoder.Embed("Where can I park my car?");

        Assert.Equal(1f, TensorPrimitives.Norm(question), 1e-5f);
        Assert.True(TensorPrimitives.Dot(question, paraphrase) > TensorPrimitives.Dot(question, unrelated));
    }

    [Fact]
    public async Task GeneratesEmbeddingsThroughTheMicrosoftExtensionsAiInterface()
    {
        IEmbeddingGenerator<string, Embedding<float>> generator = _encoder;

        var result = await generator.GenerateAsync(["Hello world.", "ok"]);

        Assert.Equal(2, result.Count);
        Assert.Equal(UniversalSentenceEncoder.ModelId, result[0].ModelId);
        Assert.Equal(Golden.Cases[0].Embedding, result[0].Vector.ToArray(), (a, b) => Math.Abs(a - b) <= Tolerance);
        Assert.Equal(5, result.Usage?.InputTokenCount);
        var metadata = generator.GetService<EmbeddingGeneratorMetadata>();
        Assert.Equal(UniversalSentenceEncoder.ModelId, metadata?.DefaultModelId);
        Assert.Equal(512, metadata?.DefaultModelDimensions);
    }

    [Fact]
    public async Task RefusesToProduceADifferentNumberOfDimensions()
    {
        await Assert.ThrowsAsync<NotSupportedException>(() =>
            _encoder.GenerateAsync(["Hello"], new EmbeddingGenerationOptions { Dimensions = 256 }));
    }

    [Fact]
    public void RejectsNullTextsWithArgumentErrors()
    {
        Assert.Throws<ArgumentNullException>(() => _encoder.Embed((string)null!));
        Assert.Throws<ArgumentException>(() => _encoder.Embed(["fine", null!]));
    }

    [Fact]
    public void RejectsADestinationShorterThanAnEmbedding()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => _encoder.Embed("hello", new float[UniversalSentenceEncoder.Dimensions - 1]));
    }

    [Fact]
    public void WritesIntoACallersBufferWhatItWouldReturn()
    {
        var buffer = new float[UniversalSentenceEncoder.Dimensions + 3];

        _encoder.Embed("Hello world.", buffer);

        Assert.Equal(_encoder.Embed("Hello world."), buffer[..UniversalSentenceEncoder.Dimensions]);
        Assert.Equal([0f, 0f, 0f], buffer[UniversalSentenceEncoder.Dimensions..]);
    }

    [Fact]
    public async Task StopsWhenTheCallerCancels()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => _encoder.GenerateAsync(["Hello"], cancellationToken: cancelled.Token));
    }

    [Fact]
    public void CountsTokensAsTheModelSeesThem()
    {
        Assert.Equal(Golden.Cases[0].Tokens.Length, _encoder.CountTokens(Golden.Cases[0].Text));
    }

    [Fact]
    public void EmbedsAnEmptyBatchAsNoVectors()
    {
        Assert.Empty(_encoder.Embed(Array.Empty<string>()));
    }

    [Fact]
    public void NormalizeScalesToUnitLengthAndLeavesZerosAlone()
    {
        float[] vector = [3, 4];
        float[] zeros = [0, 0];

        UniversalSentenceEncoder.Normalize(vector);
        UniversalSentenceEncoder.Normalize(zeros);

        Assert.Equal([0.6f, 0.8f], vector);
        Assert.Equal([0f, 0f], zeros);
    }
}
