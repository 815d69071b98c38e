using Clinic.Bot.Safety;
using Clinic.Bot.Telemetry;
using Clinic.Knowledge;
using Clinic.Knowledge.Answers;
using Clinic.Knowledge.Embeddings;

namespace Clinic.Bot.Turns;

/// <summary>
/// One visitor message in, one outcome out: the same path for chat and for the <c>ask</c> command.
/// Safety triage runs first and decides; a crisis never waits for retrieval.
/// </summary>
public sealed class TurnPipeline(SafetyTriage triage, SafetyMessages messages, KnowledgeService knowledge, BotTelemetry telemetry)
{
    // A fixed query, not visitor text: when someone discloses a condition without asking anything, they get the eligibility text.
    private const string EligibilityQuery = "Who is not eligible for ketamine treatment? Contraindications that require further evaluation";

    /// <param name="question">The visitor's message.</param>
    /// <param name="now">Triage of <paramref name="question"/>, which the caller has already made to steer the dialog. It is
    /// deterministic, and with the safety net it embeds the message, so classifying again here would only double the cost.</param>
    /// <param name="retrievalText">What to search for: the message, or for a follow-up the message with the previous question.</param>
    /// <param name="earlier">The strongest triage earlier in the conversation, which stays in force.</param>
    /// <param name="cancellationToken">Cancels the turn.</param>
    /// <param name="onVerifiedText">Receives a generated answer's verified part while the model writes (never for a crisis).</param>
    public async Task<TurnOutcome> RunAsync(
        string? question, TriageResult now, string? retrievalText, TriageResult? earlier, CancellationToken cancellationToken,
        Func<string, CancellationToken, Task>? onVerifiedText = null)
    {
        var text = question ?? "";
        if (now.Level == TriageLevel.Crisis)
        {
            return new TurnOutcome(text, messages.CrisisReply(now), false, [], [], new EscalationNotice("crisis", now.Reasons))
            {
                Triage = now,
            };
        }

        var answer = await knowledge.AnswerAsync(retrievalText ?? text, onVerifiedText, cancellationToken);
        var disclaimers = answer.Disclaimers.ToList();
        EscalationNotice? escalation = null;
        if (now.Level == TriageLevel.Contraindication)
        {
            if (!answer.Answered)
                answer = await knowledge.AnswerAsync(EligibilityQuery, cancellationToken);
            disclaimers = answer.Disclaimers.Prepend(messages.ContraindicationNotice()).ToList();
            escalation = new EscalationNotice("contraindication", now.Reasons);
        }
        telemetry.RecordAnswer(answer.Answered, answer.Decline);
        var stillInForce = earlier?.Level >= TriageLevel.Crisis;
        if (now.Level == TriageLevel.Informational || stillInForce)
            disclaimers.Add(messages.InformationalFooter());

        return new TurnOutcome(text, answer.Text, answer.Answered, answer.Citations, disclaimers.Distinct().ToList(), escalation)
        {
            Decline = answer.Decline,
            Triage = now,
        };
    }

    /// <summary>A single turn with no conversation behind it (the command line).</summary>
    public async Task<TurnOutcome> RunAsync(string? question, CancellationToken cancellationToken)
    {
        // Triage's safety net and retrieval usually embed the same text: once is enough.
        using var reuse = EmbeddingReuse.Begin();
        return await RunAsync(question, await triage.ClassifyAsync(question ?? "", cancellationToken), question, null, cancellationToken);
    }
}
