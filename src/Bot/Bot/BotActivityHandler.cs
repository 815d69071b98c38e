using System.Text.Json;
using Clinic.Bot.Dialog;
using Clinic.Bot.Escalation;
using Clinic.Bot.Protocol;
using Clinic.Bot.Storage;
using Clinic.Bot.Telemetry;
using Microsoft.Extensions.Options;

namespace Clinic.Bot.Bot;

/// <summary>
/// Runs one inbound activity through the bot. Every channel (Direct Line, Bot Connector) calls this.
/// A turn's state, transcript and escalations are saved in one transaction before any reply is sent, and a
/// conflicting write by another instance makes the turn run again on fresh state instead of overwriting it.
/// </summary>
public sealed class BotActivityHandler(
    FaqDialog dialog,
    IConversationStore store,
    IEnumerable<IEscalationSink> sinks,
    ReplyBuilder replies,
    StaffActionHandler staffActions,
    CrisisRescue crisisRescue,
    IEscalationSignal escalationSignal,
    TimeProvider time,
    BotTelemetry telemetry,
    IOptions<DialogOptions> dialogOptions,
    ILogger<BotActivityHandler> logger)
{
    private const int MaxAttempts = 3;
    private readonly string[] _sinkNames = sinks.Select(s => s.Name).ToArray();

    /// <summary>Handles the activity, sending replies through <paramref name="sender"/>; returns a body for invoke activities.</summary>
    public async Task<InvokeResponse?> OnTurnAsync(Activity activity, IActivitySender sender, CancellationToken cancellationToken)
    {
        if (activity.Conversation?.Id is not { Length: > 0 })
            return activity.Type == ActivityTypes.Invoke ? new InvokeResponse(400, null) : null;
        switch (activity.Type)
        {
            case ActivityTypes.Invoke:
                return await staffActions.OnInvokeAsync(activity, cancellationToken);
            case ActivityTypes.Message when staffActions.IsCardSubmit(activity):
                await staffActions.OnSubmitAsync(activity, sender, cancellationToken);
                return null;
            case ActivityTypes.Message:
                var text = activity.ChannelId == "msteams" ? TeamsActivity.RemoveBotMention(activity) : activity.Text ?? "";
                // Web Chat over Direct Line shows a generated answer while it is written; other channels get the final message only.
                var live = activity.ChannelId == DirectLine.DirectLineChannel.ChannelId ? new AnswerLivestream(activity, sender) : null;
                await RunTurnAsync(activity, sender, text,
                    (state, ct) => dialog.OnMessageAsync(state, text, () => SendTypingAsync(activity, sender, ct), ct, live is null ? null : live.UpdateAsync),
                    cancellationToken, live);
                return null;
            // The chat page shows its own welcome and suggestions; greeting there too would say hello twice.
            case ActivityTypes.ConversationUpdate when activity.ChannelId != "directline" && activity.MembersAdded?.Any(m => m.Id != activity.Recipient?.Id) == true:
                await RunTurnAsync(activity, sender, null, (state, _) => Task.FromResult(dialog.Greet(state)), cancellationToken);
                return null;
            case ActivityTypes.Event when activity.Name == "feedback":
                await FeedbackEvent.RecordAsync(store, activity, time.GetUtcNow(), cancellationToken);
                return null;
            default:
                return null;
        }
    }

    private async Task RunTurnAsync(
        Activity activity, IActivitySender sender, string? userText, Func<ConversationState, CancellationToken, Task<DialogTurn>> decide,
        CancellationToken cancellationToken, AnswerLivestream? live = null)
    {
        var conversationId = activity.Conversation!.Id!;
        DialogTurn? turn = null;
        using var measurement = telemetry.MeasureTurn(time, activity.ChannelId, activity.Type);
        try
        {
            for (var attempt = 1; attempt <= MaxAttempts; attempt++)
            {
                var stored = await store.GetAsync(conversationId, cancellationToken);
                turn = await decide(ReadState(stored), cancellationToken);
                var write = await BuildWriteAsync(activity, userText, stored, turn, cancellationToken);
                if (await store.SaveTurnAsync(write, cancellationToken) is SaveResult.Saved)
                {
                    if (write.Escalations.Count > 0)
                        escalationSignal.Notify();
                    foreach (var reply in turn.Replies)
                    {
                        var message = replies.Build(activity, reply);
                        if (reply.Outcome is not null)
                            live?.Conclude(message);
                        await sender.SendAsync(message, cancellationToken);
                    }
                    measurement.Saved(turn, attempt);
                    return;
                }
                logger.LogInformation("Conversation state changed under turn (attempt {Attempt}); running it again on fresh state", attempt);
            }
            throw new InvalidOperationException("The conversation kept changing under this turn; gave up after retries.");
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception e)
        {
            // No message text in the log: only the fault and where.
            logger.LogError(e, "A turn failed ({Type}); the visitor was told and no state was written", activity.Type);
            measurement.Failed(e is StoreUnavailableException ? "unavailable" : "failed", e);
            await ApologiseAsync(activity, sender, crisisRescue.Rescue(conversationId, activity.ChannelId ?? "", userText, turn), live);
            if (e is StoreUnavailableException)
                throw;
        }
    }

    private async Task<TurnWrite> BuildWriteAsync(Activity activity, string? userText, StoredConversation? stored, DialogTurn turn, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var transcript = new List<TranscriptEntry>();
        if (userText is not null)
            transcript.Add(new TranscriptEntry(TranscriptRole.User, userText, now, activity.Id));
        transcript.AddRange(turn.Replies.Select(r => new TranscriptEntry(TranscriptRole.Bot, r.Text, now, null)));
        var escalations = turn.Escalations;
        if (escalations.Count > 0)
        {
            var recent = stored is null ? [] : await store.GetTranscriptAsync(stored.ConversationId, 6, ct);
            var excerpt = string.Join("\n", recent.Concat(transcript.Take(1)).Select(t => $"{t.Role}: {t.Text}"));
            escalations = escalations.Select(e => e with { TranscriptExcerpt = excerpt }).ToList();
        }
        return new TurnWrite(activity.Conversation!.Id!, activity.ChannelId ?? "", JsonSerializer.Serialize(turn.State), stored?.ETag, now, transcript, escalations, _sinkNames);
    }

    private ConversationState ReadState(StoredConversation? stored)
    {
        if (stored is null)
            return new ConversationState();
        try
        {
            return JsonSerializer.Deserialize<ConversationState>(stored.StateJson) ?? new ConversationState();
        }
        catch (JsonException e)
        {
            logger.LogError(e, "Stored conversation state was unreadable; starting the dialog afresh");
            return new ConversationState();
        }
    }

    private static async Task SendTypingAsync(Activity inbound, IActivitySender sender, CancellationToken ct)
    {
        var typing = inbound.CreateReply();
        typing.Type = ActivityTypes.Typing;
        typing.Text = null;
        await sender.SendAsync(typing, ct);
    }

    // A crisis reply goes out even when the store failed: resources now matter more than the record, which
    // CrisisRescue writes once the store is back. It replaces the apology: "please try again" is the wrong thing to
    // tell someone in crisis, and the crisis reply already gives 988 and 911 and stays available.
    private async Task ApologiseAsync(Activity activity, IActivitySender sender, DialogReply? crisisReply, AnswerLivestream? live)
    {
        try
        {
            if (live is not null)
                await live.AbandonAsync();
            await sender.SendAsync(crisisReply is null ? activity.CreateReply(dialogOptions.Value.TurnFailed) : replies.Build(activity, crisisReply), CancellationToken.None);
        }
        catch (Exception e)
        {
            logger.LogError(e, "Could not send the apology either");
        }
    }
}
