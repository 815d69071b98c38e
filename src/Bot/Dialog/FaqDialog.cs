using System.Text.Json;
using Clinic.Bot.Safety;
using Clinic.Bot.Safety.Contact;
using Clinic.Bot.Storage;
using Clinic.Bot.Telemetry;
using Clinic.Bot.Turns;
using Clinic.Knowledge.Embeddings;
using Microsoft.Extensions.Options;

namespace Clinic.Bot.Dialog;

/// <summary>
/// The FAQ dialog: greet, answer, help, start over, talk to a person, consented contact details, follow-ups.
/// Pure decision-making: it reads state and returns the replies, the new state and the escalations; the caller stores and sends.
/// </summary>
public sealed class FaqDialog(TurnPipeline pipeline, SafetyTriage triage, IContactRecognizer contacts, BotTelemetry telemetry, IOptions<DialogOptions> options)
{
    private static readonly string[] ContactChoices = ["Yes, please contact me", "No thanks"];

    public DialogTurn Greet(ConversationState state)
    {
        var o = options.Value;
        return new DialogTurn([new DialogReply(o.Format(o.Greeting), Suggestions: o.SuggestedQuestions)], state with { Greeted = true }, []);
    }

    /// <param name="state">The conversation so far.</param>
    /// <param name="text">The visitor's message.</param>
    /// <param name="thinking">Shows that the bot is working (typing), before a question is looked up.</param>
    /// <param name="cancellationToken">Cancels the turn.</param>
    /// <param name="onVerifiedText">Receives a generated answer's verified part while the model writes; null where the channel cannot show it.</param>
    public async Task<DialogTurn> OnMessageAsync(
        ConversationState state, string text, Func<Task> thinking, CancellationToken cancellationToken, Func<string, CancellationToken, Task>? onVerifiedText = null)
    {
        var o = options.Value;
        // Triage's safety net and retrieval usually embed the same message: once is enough.
        using var reuse = EmbeddingReuse.Begin();
        state = state with { Turns = state.Turns + 1 };
        var risk = await triage.ClassifyAsync(text, cancellationToken);
        telemetry.RecordTriage(risk.Level);

        if (state.AwaitingContactFor is { } escalationId && risk.Level < TriageLevel.Contraindication && ContactStep(state, text, escalationId) is { } contactTurn)
            return contactTurn;
        if (Intents.IsStartOver(text))
            return Reply(state with { LastQuestion = null, AwaitingContactFor = null }, o.StartedOver);
        if (Intents.IsHelp(text))
            return new DialogTurn([new DialogReply(o.Format(o.Help), Suggestions: o.SuggestedQuestions)], state, []);
        // "I want to talk to someone, I want to kill myself" is a crisis first: resources now and a priority alert, not a callback request.
        if (Intents.IsTalkToPerson(text) && !risk.Escalates)
            return StaffRequest(state, text);
        if (Intents.IsGreeting(text))
            return Greet(state);

        if (risk.Level != TriageLevel.Crisis)
            await thinking();
        var retrievalText = Intents.IsFollowUp(text) && state.LastQuestion is { } last ? text + " " + last : text;
        var earlier = new TriageResult(state.StrongestLevel, state.StrongestReasons);
        var outcome = await pipeline.RunAsync(text, risk, retrievalText, earlier, cancellationToken, onVerifiedText);

        var next = state with
        {
            LastQuestion = outcome.Answered ? retrievalText : state.LastQuestion,
            StrongestLevel = outcome.Triage.Level > state.StrongestLevel ? outcome.Triage.Level : state.StrongestLevel,
            StrongestReasons = outcome.Triage.Level > state.StrongestLevel ? outcome.Triage.Reasons : state.StrongestReasons,
        };
        var replies = new List<DialogReply> { new(outcome.Answer, outcome) { AnswerId = "ans_" + Guid.NewGuid().ToString("N") } };
        var escalations = new List<NewEscalation>();
        if (outcome.Escalation is { } notice)
        {
            // One alert per kind per conversation: staff already have the first; repeating it would bury other visitors' alerts.
            var alreadyRaised = notice.Kind == "crisis" ? state.StrongestLevel == TriageLevel.Crisis : state.StrongestLevel >= TriageLevel.Contraindication;
            if (!alreadyRaised)
            {
                var escalation = NewEscalationFor(notice, text);
                escalations.Add(escalation);
                next = next with { AwaitingContactFor = escalation.Id };
                replies.Add(new DialogReply(o.OfferContact, Suggestions: ContactChoices));
            }
        }
        else if (!outcome.Answered && outcome.Decline is Clinic.Knowledge.Answers.DeclineReason.NotInCorpus or Clinic.Knowledge.Answers.DeclineReason.SearchUnavailable)
        {
            replies[0] = replies[0] with { Suggestions = ["Talk to a person", .. o.SuggestedQuestions.Take(2)] };
        }
        return new DialogTurn(replies, next, escalations);
    }

    private DialogTurn? ContactStep(ConversationState state, string text, string escalationId)
    {
        var o = options.Value;
        var cleared = state with { AwaitingContactFor = null };
        if (Intents.IsDecline(text))
            return Reply(cleared, o.ContactDeclined);
        var found = contacts.Recognize(text);
        if (found.Phone is not null || found.Email is not null)
        {
            var contact = JsonSerializer.Serialize(new { phone = found.Phone, email = found.Email });
            var details = new NewEscalation(NewId(), "contact-details", 2, JsonSerializer.Serialize(new[] { "contact-for:" + escalationId }),
                "(contact details given)", "", contact);
            return new DialogTurn([new DialogReply(o.ContactSaved)], cleared, [details]);
        }
        if (Intents.IsAffirmative(text))
            return Reply(state, "Please type the phone number or email address our team should use, or say \"no thanks\".");
        // A real question moves on; anything else short gets one more chance to give details.
        return text.Contains('?') || text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length > 6 ? null : Reply(state, o.ContactNotUnderstood);
    }

    private DialogTurn StaffRequest(ConversationState state, string text)
    {
        var o = options.Value;
        if (state.StaffRequested)
            return Reply(state, o.StaffAlreadyRequested);
        var escalation = new NewEscalation(NewId(), "staff-request", 1, JsonSerializer.Serialize(new[] { "visitor asked for a person" }), text, "", null);
        return new DialogTurn([new DialogReply(o.StaffRequested, Suggestions: ["No thanks"])], state with { StaffRequested = true, AwaitingContactFor = escalation.Id }, [escalation]);
    }

    private static NewEscalation NewEscalationFor(EscalationNotice notice, string text) =>
        new(NewId(), notice.Kind, notice.Kind == "crisis" ? 3 : 2, JsonSerializer.Serialize(notice.Reasons), text, "", null);

    private static DialogTurn Reply(ConversationState state, string text) => new([new DialogReply(text)], state, []);

    private static string NewId() => "esc_" + Guid.NewGuid().ToString("N");
}
