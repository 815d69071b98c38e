using Clinic.Knowledge;

namespace Clinic.Bot.Turns;

/// <summary>One visitor message in, one outcome out: the same path for chat and for the <c>ask</c> command.</summary>
public sealed class TurnPipeline(KnowledgeService knowledge)
{
    public async Task<TurnOutcome> RunAsync(string? question, CancellationToken cancellationToken)
    {
        var answer = await knowledge.AnswerAsync(question, cancellationToken);
        return new TurnOutcome(question ?? "", answer.Text, answer.Answered, answer.Citations, answer.Disclaimers, null)
        {
            Decline = answer.Decline,
        };
    }
}
