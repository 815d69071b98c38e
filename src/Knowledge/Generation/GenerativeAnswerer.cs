using Clinic.Knowledge.Answers;
using Clinic.Knowledge.Indexing;
using Clinic.Knowledge.Retrieval;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.SemanticKernel.ChatCompletion;
using Microsoft.SemanticKernel.Connectors.OpenAI;

namespace Clinic.Knowledge.Generation;

/// <summary>
/// Has a chat model (through Semantic Kernel) rewrite the retrieved passages as an answer, keeps only the sentences
/// the verifier traces to a cited passage, and otherwise, or when the model is slow, failing or switched off by the
/// breaker, returns the extractive answer. Only questions the extractive path answers reach the model.
/// </summary>
public sealed partial class GenerativeAnswerer(
    IChatCompletionService chat,
    IOptions<GenerationOptions> options,
    IOptions<AnswerOptions> answerOptions,
    GenerationHealth health,
    ILogger<GenerativeAnswerer> logger) : IDisposable
{
    private readonly GenerationMetrics _metrics = new();

    /// <summary>The verified answer, or <paramref name="extractive"/> marked with why the model's was not used.</summary>
    /// <param name="index">The index the retrieval ran on (for citations).</param>
    /// <param name="retrieval">The search whose passages the model may use.</param>
    /// <param name="extractive">The composed answer: the fallback, and the gate (a decline is returned as is).</param>
    /// <param name="onVerifiedText">
    /// When given, the model streams and this receives the answer so far (lead-in and verified sentences) each time a
    /// further sentence passes verification. Nothing unverified is ever passed; the returned answer is still the final word.
    /// </param>
    /// <param name="cancellationToken">Cancels the turn.</param>
    public async Task<GroundedAnswer> AnswerAsync(
        KnowledgeIndex index, RetrievalResult retrieval, GroundedAnswer extractive,
        Func<string, CancellationToken, Task>? onVerifiedText = null, CancellationToken cancellationToken = default)
    {
        if (!extractive.Answered)
            return extractive;
        var o = options.Value;
        var passages = NumberedPassage.From(retrieval, o.MaxPassages);
        var prompt = GroundedPrompt.Build(retrieval.Query.Text, passages);
        var (text, failure) = await CallAsync(
            onVerifiedText is null
                ? async (settings, ct) => (await chat.GetChatMessageContentAsync(prompt, settings, kernel: null, ct)).Content ?? ""
                : (settings, ct) => StreamAsync(prompt, settings, passages, onVerifiedText, ct),
            cancellationToken);
        if (failure is { } outcome)
            return Fallback(extractive, outcome, 0, 0);
        if (text.Trim().Trim('.').Equals(GroundedPrompt.NoAnswer, StringComparison.OrdinalIgnoreCase))
            return Fallback(extractive, GenerationOutcome.NoAnswer, 0, 0);

        var result = new AnswerVerifier(o.MinSupport).Verify(text, passages);
        foreach (var reason in result.Rejected)
            _metrics.Rejected(reason);
        if (result.Kept.Count < o.MinVerifiedSentences || result.Kept.Count < o.MinVerifiedShare * result.Total)
            return Fallback(extractive, GenerationOutcome.TooLittleVerified, result.Kept.Count, result.Total);

        LogVerified(logger, result.Kept.Count, result.Total, string.Join(',', result.Rejected.Distinct()));
        _metrics.Answer(GenerationOutcome.Verified);
        var (body, cited) = VerifiedText.Compose(result.Kept, passages);
        var a = answerOptions.Value;
        return extractive with
        {
            Text = a.LeadIn + "\n\n" + body,
            Citations = cited.Select(p => CitationBuilder.ForChunk(index, p.Chunk)).ToList(),
            Disclaimers = DisclaimerSelector.Select(a, retrieval.Query.Text, body, answered: true),
            Kind = AnswerKind.Generated,
            Generation = GenerationOutcome.Verified,
        };
    }

    private async Task<(string Text, GenerationOutcome? Failure)> CallAsync(
        Func<OpenAIPromptExecutionSettings, CancellationToken, Task<string>> call, CancellationToken cancellationToken)
    {
        var o = options.Value;
        var settings = new OpenAIPromptExecutionSettings { Temperature = 0, MaxTokens = o.MaxOutputTokens };
        using var budget = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        budget.CancelAfter(o.Timeout);
        try
        {
            // WaitAsync bounds the wait even if something below ignores cancellation: the visitor's budget is absolute.
            var text = await call(settings, budget.Token).WaitAsync(o.Timeout, cancellationToken);
            health.CallSucceeded();
            return (text, null);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            health.CallFailed();
            var outcome = Classify(ex, budget.IsCancellationRequested);
            LogCallFailed(logger, outcome, ex.GetType().Name);
            return ("", outcome);
        }
    }

    private static GenerationOutcome Classify(Exception ex, bool budgetSpent)
    {
        for (var e = ex; e is not null; e = e.InnerException)
        {
            if (e is Polly.CircuitBreaker.BrokenCircuitException)
                return GenerationOutcome.BreakerOpen;
            if (e is TimeoutException or Polly.Timeout.TimeoutRejectedException)
                return GenerationOutcome.TimedOut;
        }
        return budgetSpent ? GenerationOutcome.TimedOut : GenerationOutcome.Failed;
    }

    // Every sentence but the last is complete once the model has started the next one; each is verified before it is shown.
    private async Task<string> StreamAsync(
        ChatHistory prompt, OpenAIPromptExecutionSettings settings, IReadOnlyList<NumberedPassage> passages,
        Func<string, CancellationToken, Task> onVerifiedText, CancellationToken cancellationToken)
    {
        var verifier = new AnswerVerifier(options.Value.MinSupport);
        var text = new System.Text.StringBuilder();
        var verified = new List<ModelSentence>();
        var complete = 0;
        await foreach (var chunk in chat.GetStreamingChatMessageContentsAsync(prompt, settings, kernel: null, cancellationToken))
        {
            text.Append(chunk.Content);
            var sentences = ModelSentence.Split(text.ToString());
            var before = verified.Count;
            for (; complete < sentences.Count - 1; complete++)
            {
                if (verifier.Check(sentences[complete], passages) is null)
                    verified.Add(sentences[complete]);
            }
            if (verified.Count > before)
                await onVerifiedText(answerOptions.Value.LeadIn + "\n\n" + VerifiedText.Compose(verified, passages).Body, cancellationToken);
        }
        return text.ToString();
    }

    private GroundedAnswer Fallback(GroundedAnswer extractive, GenerationOutcome outcome, int kept, int total)
    {
        _metrics.Answer(outcome);
        if (outcome is GenerationOutcome.TooLittleVerified or GenerationOutcome.NoAnswer)
            LogFellBack(logger, outcome, kept, total);
        return extractive with { Generation = outcome };
    }

    /// <inheritdoc />
    public void Dispose() => _metrics.Dispose();

    [LoggerMessage(Level = LogLevel.Information, Message = "Generated answer verified: kept {Kept} of {Total} sentences; cut for {Reasons}")]
    private static partial void LogVerified(ILogger logger, int kept, int total, string reasons);

    [LoggerMessage(Level = LogLevel.Information, Message = "Generated answer not used ({Outcome}): {Kept} of {Total} sentences verified; sent the extractive answer")]
    private static partial void LogFellBack(ILogger logger, GenerationOutcome outcome, int kept, int total);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Model call failed ({Outcome}, {Error}); sent the extractive answer")]
    private static partial void LogCallFailed(ILogger logger, GenerationOutcome outcome, string error);
}
