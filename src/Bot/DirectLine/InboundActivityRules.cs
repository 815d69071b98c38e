using Clinic.Bot.Protocol;

namespace Clinic.Bot.DirectLine;

/// <summary>What a visitor may post, and how the channel stamps it before it enters the log.</summary>
internal static class InboundActivityRules
{
    private const int MaxNameLength = 100;

    /// <summary>Null when acceptable; otherwise the 400 to send.</summary>
    public static IResult? Validate(Activity activity, DirectLineOptions options)
    {
        switch (activity.Type)
        {
            case null or "":
                return DirectLineErrors.Error(StatusCodes.Status400BadRequest, "MissingProperty", "The activity needs a 'type'.");
            case ActivityTypes.Message:
                if (activity.Attachments is { Count: > 0 })
                {
                    return DirectLineErrors.BadArgument("This chat does not accept attachments; please type your question.");
                }
                if (string.IsNullOrWhiteSpace(activity.Text))
                {
                    return DirectLineErrors.BadArgument("The message has no text.");
                }
                return activity.Text.Length > options.MaxMessageLength
                    ? DirectLineErrors.MessageTooLong(activity.Text.Length, options.MaxMessageLength)
                    : null;
            case ActivityTypes.Event:
                return activity.Name is { Length: > 0 and <= MaxNameLength }
                    ? null
                    : DirectLineErrors.BadArgument($"An event activity needs a 'name' of 1 to {MaxNameLength} characters.");
            case ActivityTypes.Typing:
                return null;
            default:
                return DirectLineErrors.BadArgument(
                    $"Activity type '{Truncate(activity.Type, 40)}' is not accepted from clients; send 'message', 'event' or 'typing'.");
        }
    }

    /// <summary>Gives the activity the identity from the token and the channel's fields, whatever the client claimed.</summary>
    public static void Stamp(Activity activity, DirectLineToken grant, ChannelAccount bot, DateTimeOffset now)
    {
        activity.Id = null;
        activity.Timestamp = now;
        activity.ChannelId = DirectLineChannel.ChannelId;
        activity.ServiceUrl = null;
        activity.Conversation = new ConversationAccount { Id = grant.ConversationId };
        activity.From = new ChannelAccount { Id = grant.UserId, Name = Truncate(activity.From?.Name, MaxNameLength), Role = "user" };
        activity.Recipient = bot;
        activity.ReplyToId = null;
        activity.MembersAdded = null;
        activity.MembersRemoved = null;
    }

    /// <summary>Whether the bot should see it: visitors' typing is echoed to the stream but not worth a turn.</summary>
    public static bool StartsTurn(Activity activity) => activity.Type is ActivityTypes.Message or ActivityTypes.Event;

    private static string? Truncate(string? text, int length) => text is { Length: > 0 } && text.Length > length ? text[..length] : text;
}
