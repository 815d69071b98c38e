using System.Text;
using System.Text.Json;
using Clinic.Bot.Protocol;

namespace Clinic.Bot.Dialog;

/// <summary>
/// Turns dialog replies into activities for the channel. Web Chat renders citations and disclaimers from
/// <c>channelData.clinic</c>; Teams has no such renderer, so sources and disclaimers go into the Markdown text.
/// </summary>
public sealed class ReplyBuilder
{
    public Activity Build(Activity inbound, DialogReply reply)
    {
        var activity = inbound.CreateReply(reply.Text);
        activity.TextFormat = "markdown";
        if (reply.Suggestions is { Count: > 0 } suggestions)
        {
            activity.SuggestedActions = new SuggestedActions
            {
                Actions = suggestions.Select(s => new CardAction { Type = "imBack", Title = s, Value = s }).ToList(),
            };
        }
        if (reply.Outcome is not { } outcome)
            return activity;

        if (inbound.ChannelId == "msteams")
        {
            activity.Text = TeamsText(reply);
            return activity;
        }
        activity.ChannelData = JsonSerializer.SerializeToElement(new
        {
            clinic = new
            {
                answerId = reply.AnswerId,
                answered = outcome.Answered,
                citations = outcome.Citations,
                disclaimers = outcome.Disclaimers,
                escalation = outcome.Escalation,
            },
        }, ProtocolJson.Options);
        return activity;
    }

    private static string TeamsText(DialogReply reply)
    {
        var outcome = reply.Outcome!;
        var text = new StringBuilder(reply.Text);
        if (outcome.Citations.Count > 0)
        {
            text.Append("\n\n**Sources:**");
            foreach (var c in outcome.Citations)
                text.Append($"\n- {c.Title} ({c.Section})");
        }
        foreach (var d in outcome.Disclaimers)
            text.Append($"\n\n_{d}_");
        return text.ToString();
    }
}
