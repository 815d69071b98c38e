using Clinic.Knowledge.Answers;
using Clinic.Knowledge.Generation;
using Clinic.Knowledge.Indexing;
using Clinic.Knowledge.Retrieval;
using Clinic.Knowledge.Search;
using Microsoft.Extensions.Options;

namespace Clinic.Knowledge;

/// <summary>
/// Answers a question from the corpus: gate, retrieve, compose, and, when generation is configured, have a model
/// rewrite what was composed under verification. The one entry point chat and the command line share.
/// </summary>
public sealed class KnowledgeService(
    KnowledgeIndexProvider indexProvider,
    HybridRetriever retriever,
    AnswerComposer composer,
    IOptions<RetrievalOptions> retrievalOptions,
    GenerativeAnswerer? generator = null)
{
    /// <summary>The grounded answer, or a decline with its reason; never throws for bad input or an unavailable search service.</summary>
    public async Task<GroundedAnswer> AnswerAsync(string? question, CancellationToken cancellationToken = default)
    {
        var (answer, _) = await AnswerWithPassagesAsync(question, cancellationToken);
        return answer;
    }

    /// <summary>
    /// As <see cref="AnswerAsync(string?, CancellationToken)"/>; with generation on, <paramref name="onVerifiedText"/>
    /// receives the verified part of the model's answer while it writes (see <see cref="GenerativeAnswerer.AnswerAsync"/>).
    /// </summary>
    public async Task<GroundedAnswer> AnswerAsync(string? question, Func<string, CancellationToken, Task>? onVerifiedText, CancellationToken cancellationToken)
    {
        var (answer, _) = await AnswerWithPassagesAsync(question, cancellationToken, onVerifiedText);
        return answer;
    }

    /// <summary>As <see cref="AnswerAsync(string?, CancellationToken)"/>, also returning the retrieval result (null when the question was refused before search or the search service failed).</summary>
    public async Task<(GroundedAnswer Answer, RetrievalResult? Retrieval)> AnswerWithPassagesAsync(
        string? question, CancellationToken cancellationToken = default, Func<string, CancellationToken, Task>? onVerifiedText = null)
    {
        if (QuestionGate.Check(question, retrievalOptions.Value.MaxQuestionLength) is { } refused)
            return (composer.Decline(refused, question ?? ""), null);
        var index = await indexProvider.GetAsync(cancellationToken);
        RetrievalResult retrieval;
        try
        {
            retrieval = await retriever.SearchAsync(index, question!, cancellationToken);
        }
        catch (SearchServiceException)
        {
            // The store logged why and the health check reports it; the visitor is offered staff instead of an error.
            return (composer.Decline(DeclineReason.SearchUnavailable, question!), null);
        }
        var answer = composer.Compose(index, retrieval);
        if (generator is not null)
            answer = await generator.AnswerAsync(index, retrieval, answer, onVerifiedText, cancellationToken);
        return (answer, retrieval);
    }
}
