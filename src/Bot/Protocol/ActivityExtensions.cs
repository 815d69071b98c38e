namespace Clinic.Bot.Protocol;

public static class ActivityExtensions
{
    /// <summary>
    /// A message answering <paramref name="activity"/>: from and recipient swapped, same conversation
    /// (Teams channel posts stay in their thread), replyToId set, serviceUrl, channelId and locale copied.
    /// </summary>
    public static Activity CreateReply(this Activity activity, string? text = null)
    {
        ArgumentNullException.ThrowIfNull(activity);
        return new Activity
        {
            Type = ActivityTypes.Message,
            Text = text,
            From = CopyAccount(activity.Recipient),
            Recipient = CopyAccount(activity.From),
            Conversation = activity.Conversation is null ? null : new ConversationAccount
            {
                Id = TeamsActivity.ThreadConversationId(activity),
                TenantId = activity.Conversation.TenantId,
            },
            ReplyToId = activity.Id,
            ServiceUrl = activity.ServiceUrl,
            ChannelId = activity.ChannelId,
            Locale = activity.Locale,
        };
    }

    // A bot sends only the id (and name where useful): the activity spec asks bots not to echo channel-owned fields.
    private static ChannelAccount? CopyAccount(ChannelAccount? account) =>
        account is null ? null : new ChannelAccount { Id = account.Id, Name = account.Name };
}
