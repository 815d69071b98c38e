using Clinic.Knowledge.Embeddings;

namespace Clinic.Knowledge.Tests.Embeddings;

/// <summary>
/// The batcher's rules, made deterministic by holding the first pass open until the callers under test are queued
/// behind it. The passes here are the real model (<see cref="UniversalSentenceEncoder.Compute"/>) unless a test needs
/// a pass that fails.
/// </summary>
public sealed class PassBatcherTests(EncoderFixture fixture) : IClassFixture<EncoderFixture>
{
    private const int Width = UniversalSentenceEncoder.Dimensions;
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30); // only for a broken batcher; a working one never waits this long

    private static readonly string[] Questions =
    [
        "How long does a ketamine infusion take?",
        "Is it covered by insurance?",
        "Can I drive home afterwards, or do I need someone to pick me up after the session?",
        "ok",
        "",
        "What are the side effects of esketamine nasal spray and how long do they last?",
    ];

    private readonly UniversalSentenceEncoder _encoder = fixture.Encoder;

    [Fact]
    public async Task RunsARequestAtOnceOnTheCallersThreadWhenNoPassIsRunning()
    {
        var batcher = new PassBatcher(Model, maxConcurrentPasses: 1, maxRows: 240);

        var task = Ask(batcher, CancellationToken.None, "How long does a ketamine infusion take?");

        Assert.True(task.IsCompletedSuccessfully);
        Assert.Equal(_encoder.Embed("How long does a ketamine infusion take?"), await task);
    }

    [Fact]
    public async Task GivesCallersQueuedBehindABusyPassOneSharedPassWithExactlyTheirOwnVectors()
    {
        using var gate = new ManualResetEventSlim();
        var batcher = new PassBatcher(Held(gate, Model), maxConcurrentPasses: 1, maxRows: 240);
        var first = Task.Run(() => Ask(batcher, CancellationToken.None, "Hello"));
        WaitUntil(() => batcher.Passes == 1);

        // Texts of different lengths, one caller with two texts, two callers with the same text.
        var callers = Questions.Select(q => Ask(batcher, CancellationToken.None, q))
            .Append(Ask(batcher, CancellationToken.None, Questions[0], Questions[2]))
            .Append(Ask(batcher, CancellationToken.None, Questions[1]))
            .ToList();
        Assert.Equal(callers.Count, batcher.Waiting);
        gate.Set();
        var results = await Task.WhenAll(callers);

        Assert.Equal(2, batcher.Passes);
        Assert.Equal(_encoder.Embed("Hello"), await first);
        for (var i = 0; i < Questions.Length; i++)
            Assert.Equal(_encoder.Embed(Questions[i]), results[i]);
        Assert.Equal(_encoder.Embed(Questions[0]).Concat(_encoder.Embed(Questions[2])), results[^2]);
        Assert.Equal(_encoder.Embed(Questions[1]), results[^1]);
    }

    [Fact]
    public async Task StartsANewPassWhenTheNextCallerWouldTakeItOverTheRowLimit()
    {
        using var gate = new ManualResetEventSlim();
        var seen = new List<int>();
        var batcher = new PassBatcher(Held(gate, (tokens, output) => { lock (seen) seen.Add(tokens.Length); Model(tokens, output); }), 1, maxRows: 30);
        var first = Task.Run(() => Ask(batcher, CancellationToken.None, "Hello"));
        WaitUntil(() => batcher.Passes == 1);

        var callers = Enumerable.Range(0, 5).Select(i => Ask(batcher, CancellationToken.None, Questions[0], rows: 12)).ToList();
        gate.Set();
        await Task.WhenAll(callers);
        await first;

        Assert.Equal([1, 2, 2, 1], seen);
    }

    [Fact]
    public async Task LetsACallerGiveUpWaitingWithoutFailingTheOthers()
    {
        using var gate = new ManualResetEventSlim();
        var seen = new List<int[][]>();
        var batcher = new PassBatcher(Held(gate, (tokens, output) => { lock (seen) seen.Add(tokens); Model(tokens, output); }), 1, 240);
        var first = Task.Run(() => Ask(batcher, CancellationToken.None, "Hello"));
        WaitUntil(() => batcher.Passes == 1);
        using var cancel = new CancellationTokenSource();

        var leaving = Ask(batcher, cancel.Token, Questions[0]);
        var staying = Ask(batcher, CancellationToken.None, Questions[1]);
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => leaving);
        gate.Set();
        Assert.Equal(_encoder.Embed(Questions[1]), await staying);
        await first;
        Assert.Equal(2, seen.Count);
        Assert.Equal(Tokens(Questions[1]), seen[1]); // the cancelled text was not computed
    }

    [Fact]
    public async Task FailsOnlyTheCallersOfAPassThatThrowsAndKeepsServingTheNext()
    {
        using var gate = new ManualResetEventSlim();
        var poison = Tokens("poison")[0];
        var batcher = new PassBatcher(Held(gate, (tokens, output) =>
        {
            if (tokens.Any(t => t.SequenceEqual(poison)))
                throw new InvalidOperationException("the pass broke");
            Model(tokens, output);
        }), 1, maxRows: 2);
        var first = Task.Run(() => Ask(batcher, CancellationToken.None, "Hello"));
        WaitUntil(() => batcher.Passes == 1);

        var sharesThePoisonedPass = Ask(batcher, CancellationToken.None, Questions[0], rows: 1);
        var poisoned = Ask(batcher, CancellationToken.None, "poison", rows: 1);
        var nextPass = Ask(batcher, CancellationToken.None, Questions[1], rows: 1);
        gate.Set();

        await Assert.ThrowsAsync<InvalidOperationException>(() => sharesThePoisonedPass);
        await Assert.ThrowsAsync<InvalidOperationException>(() => poisoned);
        Assert.Equal(_encoder.Embed(Questions[1]), await nextPass);
        Assert.Equal(_encoder.Embed("Hello"), await first);
        Assert.Equal(_encoder.Embed(Questions[2]), await Ask(batcher, CancellationToken.None, Questions[2]));
    }

    [Fact]
    public async Task RunsUpToTheAllowedNumberOfPassesAtOnceBeforeQueueing()
    {
        using var gate = new ManualResetEventSlim();
        var batcher = new PassBatcher(Held(gate, Model, holdAll: true), maxConcurrentPasses: 2, maxRows: 240);

        var running = new[] { Task.Run(() => Ask(batcher, CancellationToken.None, "Hello")), Task.Run(() => Ask(batcher, CancellationToken.None, "ok")) };
        WaitUntil(() => batcher.Passes == 2);
        var queued = Ask(batcher, CancellationToken.None, Questions[0]);

        Assert.Equal(1, batcher.Waiting);
        gate.Set();
        Assert.Equal(_encoder.Embed(Questions[0]), await queued);
        Assert.Equal(_encoder.Embed("ok"), await running[1]);
    }

    private void Model(int[][] tokens, float[] output) => _encoder.Compute(tokens, output, CancellationToken.None);

    private int[][] Tokens(params string[] texts) => [.. texts.Select(_encoder.Tokenize)];

    private Task<float[]> Ask(PassBatcher batcher, CancellationToken cancellationToken, string text, string? second = null, int? rows = null)
    {
        var tokens = second is null ? Tokens(text) : Tokens(text, second);
        return batcher.RunAsync(tokens, rows ?? tokens.Sum(t => t.Length), Width, cancellationToken);
    }

    // The first pass (or, with holdAll, every pass) waits for the gate, so callers can be queued behind it.
    private static Action<int[][], float[]> Held(ManualResetEventSlim gate, Action<int[][], float[]> pass, bool holdAll = false)
    {
        var calls = 0;
        return (tokens, output) =>
        {
            if ((Interlocked.Increment(ref calls) == 1 || holdAll) && !gate.Wait(Patience))
                throw new TimeoutException("the test never opened the gate");
            pass(tokens, output);
        };
    }

    private static void WaitUntil(Func<bool> condition) => Assert.True(SpinWait.SpinUntil(condition, Patience), "the batcher never got there");
}
