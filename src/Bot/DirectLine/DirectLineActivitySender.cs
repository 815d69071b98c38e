using Clinic.Bot.Bot;
using Clinic.Bot.Protocol;

namespace Clinic.Bot.DirectLine;

/// <summary>Delivers the bot's activities by appending them to the conversation's log, where clients poll or stream them.</summary>
internal sealed class DirectLineActivitySender(
    IConversationStore store, string conversationId, ChannelAccount bot, ChannelAccount user, TimeProvider time) : IActivitySender
{
    private int _messagesSent;

    /// <summary>Whether the bot has sent a message in this turn (after which a typing indicator would mislead).</summary>
    public bool HasSentMessage => Volatile.Read(ref _messagesSent) > 0;

    public async Task<string> SendAsync(Activity activity, CancellationToken cancellationToken)
    {
        Stamp(activity);
        activity.Id = null;
        var stored = await store.AppendAsync(conversationId, activity, cancellationToken)
            ?? throw new InvalidOperationException($"Direct Line conversation {conversationId} has ended; the activity was not delivered.");
        if (activity.Type == ActivityTypes.Message)
        {
            Interlocked.Increment(ref _messagesSent);
        }
        return stored.Id;
    }

    public async Task UpdateAsync(Activity activity, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(activity.Id))
        {
            throw new ArgumentException("An update needs the id of the activity it replaces.", nameof(activity));
        }
        Stamp(activity);
        _ = await store.ReplaceAsync(conversationId, activity, cancellationToken)
            ?? throw new InvalidOperationException($"Activity {activity.Id} is not in Direct Line conversation {conversationId}.");
    }

    // The channel, not the bot, decides who an activity is from and where it goes; Web Chat needs role "bot" to render it.
    private void Stamp(Activity activity)
    {
        activity.Type ??= ActivityTypes.Message;
        activity.ChannelId = DirectLineChannel.ChannelId;
        activity.Conversation = new ConversationAccount { Id = conversationId };
        activity.From = new ChannelAccount { Id = bot.Id, Name = bot.Name, Role = "bot" };
        activity.Recipient = new ChannelAccount { Id = user.Id, Name = user.Name, Role = "user" };
        activity.Timestamp = time.GetUtcNow();
    }
}
