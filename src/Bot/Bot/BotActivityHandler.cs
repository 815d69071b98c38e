using Clinic.Bot.Protocol;

namespace Clinic.Bot.Bot;

/// <summary>Runs one inbound activity through the bot. Every channel (Direct Line, Bot Connector) calls this.</summary>
public sealed class BotActivityHandler
{
    /// <summary>Handles the activity, sending replies through <paramref name="sender"/>; returns a body for invoke activities.</summary>
    public async Task<InvokeResponse?> OnTurnAsync(Activity activity, IActivitySender sender, CancellationToken cancellationToken)
    {
        // Placeholder until the dialog lands: echo, so channels can be tested end to end.
        if (activity.Type == ActivityTypes.Message)
        {
            await sender.SendAsync(new Activity
            {
                Type = ActivityTypes.Message,
                Text = "echo: " + activity.Text,
                ReplyToId = activity.Id,
                Conversation = activity.Conversation,
                From = activity.Recipient,
                Recipient = activity.From,
                ChannelId = activity.ChannelId,
                ServiceUrl = activity.ServiceUrl,
            }, cancellationToken);
        }
        return activity.Type == ActivityTypes.Invoke ? new InvokeResponse(200, null) : null;
    }
}
