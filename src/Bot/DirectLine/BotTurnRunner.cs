using Clinic.Bot.Protocol;
using Microsoft.Extensions.Options;

namespace Clinic.Bot.DirectLine;

/// <summary>Queues a turn of the bot (<see cref="Bot.BotActivityHandler"/>) for an inbound activity and delivers what the bot sends.</summary>
internal sealed class BotTurnRunner(
    ConversationTurnQueue queue,
    IServiceScopeFactory scopes,
    IConversationStore store,
    IOptions<DirectLineOptions> options,
    TimeProvider time,
    ILogger<BotTurnRunner> logger)
{
    private static readonly TimeSpan TypingInterval = TimeSpan.FromSeconds(3);

    public ChannelAccount Bot => new() { Id = options.Value.BotId, Name = options.Value.BotName, Role = "bot" };

    public bool TryReserve(string conversationId) => queue.TryReserve(conversationId);

    public void Release(string conversationId) => queue.Release(conversationId);

    /// <summary>Runs the turn in a place taken with <see cref="TryReserve"/>.</summary>
    public void Schedule(string conversationId, ChannelAccount user, Activity activity) =>
        queue.Run(conversationId, ct => RunTurnAsync(conversationId, user, activity, ct));

    private async Task RunTurnAsync(string conversationId, ChannelAccount user, Activity activity, CancellationToken cancellationToken)
    {
        var sender = new DirectLineActivitySender(store, conversationId, Bot, user, time);
        using var turnDone = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var typing = activity.Type == ActivityTypes.Message && options.Value.SendTypingWhileTurnRuns
            ? ShowTypingAsync(sender, turnDone.Token)
            : Task.CompletedTask;
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var bot = scope.ServiceProvider.GetRequiredService<IDirectLineBot>();
            await bot.OnTurnAsync(activity, sender, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning("Bot turn for activity {ActivityId} in conversation {ConversationId} was cancelled (timeout or shutdown)",
                activity.Id, conversationId);
            await TellVisitorTurnFailedAsync(sender, activity);
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Bot turn for activity {ActivityId} in conversation {ConversationId} failed", activity.Id, conversationId);
            await TellVisitorTurnFailedAsync(sender, activity);
        }
        finally
        {
            await turnDone.CancelAsync();
            await typing;
        }
    }

    private async Task ShowTypingAsync(DirectLineActivitySender sender, CancellationToken turnDone)
    {
        try
        {
            while (!turnDone.IsCancellationRequested && !sender.HasSentMessage)
            {
                await sender.SendAsync(new Activity { Type = ActivityTypes.Typing }, turnDone);
                await Task.Delay(TypingInterval, time, turnDone);
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or InvalidOperationException)
        {
            // The turn ended or the conversation went away: nothing left to show.
        }
    }

    private async Task TellVisitorTurnFailedAsync(DirectLineActivitySender sender, Activity inbound)
    {
        // A bot that already answered (its own apology, or a crisis reply sent although the store failed) has said
        // what the visitor needs; a second, generic apology would only bury it.
        if (inbound.Type != ActivityTypes.Message || sender.HasSentMessage)
        {
            return;
        }
        try
        {
            await sender.SendAsync(new Activity
            {
                Type = ActivityTypes.Message,
                Text = options.Value.TurnFailedMessage,
                ReplyToId = inbound.Id,
            }, CancellationToken.None);
        }
        catch (InvalidOperationException)
        {
            // The conversation is gone; nobody is waiting.
        }
    }
}
