using Clinic.Bot.Bot;

namespace Clinic.Bot.Protocol.Connector;

/// <summary>
/// Sends a turn's replies through the Bot Connector, always to the serviceUrl of the inbound activity (the one
/// the token vouched for), never to one the bot code supplies. A reply stays in the inbound Teams thread.
/// </summary>
public sealed class ConnectorActivitySender(ConnectorClient client, Activity inbound) : IActivitySender
{
    public async Task<string> SendAsync(Activity activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var conversationId = Address(activity);
        var result = string.IsNullOrEmpty(activity.ReplyToId)
            ? await client.SendToConversationAsync(inbound.ServiceUrl ?? string.Empty, conversationId, activity, cancellationToken).ConfigureAwait(false)
            : await client.ReplyToActivityAsync(inbound.ServiceUrl ?? string.Empty, conversationId, activity.ReplyToId, activity, cancellationToken).ConfigureAwait(false);
        return result.Succeeded ? result.ActivityId ?? string.Empty : throw new ConnectorException(result);
    }

    public async Task UpdateAsync(Activity activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (string.IsNullOrEmpty(activity.Id))
        {
            throw new ArgumentException("An update needs the id of the activity it replaces.", nameof(activity));
        }

        var conversationId = Address(activity);
        var result = await client.UpdateActivityAsync(inbound.ServiceUrl ?? string.Empty, conversationId, activity.Id, activity, cancellationToken).ConfigureAwait(false);
        if (!result.Succeeded)
        {
            throw new ConnectorException(result);
        }
    }

    // Fills what the bot left out from the inbound activity and returns the conversation id to post to.
    private string Address(Activity activity)
    {
        activity.ServiceUrl = inbound.ServiceUrl;
        activity.ChannelId ??= inbound.ChannelId;
        activity.From ??= inbound.Recipient is { } bot ? new ChannelAccount { Id = bot.Id, Name = bot.Name } : null;
        activity.Recipient ??= inbound.From is { } user ? new ChannelAccount { Id = user.Id, Name = user.Name } : null;
        activity.Conversation ??= new ConversationAccount { Id = inbound.Conversation?.Id, TenantId = inbound.Conversation?.TenantId };

        // Same conversation as the inbound one: use its thread id so Teams channel replies stay in the thread.
        return activity.Conversation.Id == inbound.Conversation?.Id
            ? TeamsActivity.ThreadConversationId(inbound) ?? string.Empty
            : activity.Conversation.Id ?? string.Empty;
    }
}
