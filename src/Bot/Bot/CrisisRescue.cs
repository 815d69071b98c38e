using System.Collections.Concurrent;
using System.Text.Json;
using Clinic.Bot.Dialog;
using Clinic.Bot.Escalation;
using Clinic.Bot.Safety;
using Clinic.Bot.Storage;
using Clinic.Bot.Turns;

namespace Clinic.Bot.Bot;

/// <summary>
/// What a turn that could not be stored still owes a visitor in crisis. The crisis reply goes out at once, decided by
/// triage alone (no state, no store, no retrieval). The escalation is kept in memory and written to the outbox as
/// soon as the store answers again; until then each attempt is logged as critical with the conversation and
/// escalation ids, so an outage never hides an unrecorded crisis (a process that dies before then leaves those lines).
/// </summary>
public sealed partial class CrisisRescue(
    SafetyTriage triage,
    SafetyMessages messages,
    IConversationStore store,
    IEnumerable<IEscalationSink> sinks,
    IEscalationSignal signal,
    TimeProvider time,
    ILogger<CrisisRescue> logger) : BackgroundService
{
    private static readonly TimeSpan FirstRetry = TimeSpan.FromMilliseconds(200);
    private static readonly TimeSpan LongestRetry = TimeSpan.FromSeconds(30);
    private readonly ConcurrentQueue<Unsaved> _unsaved = new();
    private readonly SemaphoreSlim _wake = new(0);
    // Counted apart from the queue: the retry loop takes an item out while it tries to save it, and the count must not dip then.
    private int _pending;

    /// <summary>Crisis escalations not yet in the outbox.</summary>
    public int Pending => Volatile.Read(ref _pending);

    /// <summary>
    /// The crisis reply for a message whose turn failed, or null when it is not a crisis. <paramref name="turn"/> is the
    /// dialog's decision when it got that far; otherwise triage decides from the text alone.
    /// </summary>
    public DialogReply? Rescue(string conversationId, string channelId, string? text, DialogTurn? turn)
    {
        if (turn?.Escalations.FirstOrDefault(e => e.Kind == EscalationKinds.Crisis) is { } decided)
        {
            Keep(new Unsaved(conversationId, channelId, text, decided, turn.Replies[0].Text));
            return turn.Replies[0];
        }
        if (turn is not null || text is null || triage.Classify(text) is not { Level: TriageLevel.Crisis } risk)
            return null;

        var reply = messages.CrisisReply(risk);
        var escalation = new NewEscalation("esc_" + Guid.NewGuid().ToString("N"), EscalationKinds.Crisis, 3, JsonSerializer.Serialize(risk.Reasons), text, "", null);
        Keep(new Unsaved(conversationId, channelId, text, escalation, reply));
        return new DialogReply(reply, new TurnOutcome(text, reply, false, [], [], new EscalationNotice(EscalationKinds.Crisis, risk.Reasons)) { Triage = risk });
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var wait = FirstRetry;
        while (!stoppingToken.IsCancellationRequested)
        {
            if (_unsaved.IsEmpty)
            {
                await _wake.WaitAsync(stoppingToken);
                wait = FirstRetry;
                continue;
            }
            await Task.Delay(wait, time, stoppingToken);
            var left = _unsaved.Count;
            while (left-- > 0 && _unsaved.TryDequeue(out var item))
            {
                if (await TrySaveAsync(item, stoppingToken))
                    Interlocked.Decrement(ref _pending);
                else
                    _unsaved.Enqueue(item);
            }
            wait = _unsaved.IsEmpty ? FirstRetry : TimeSpan.FromTicks(Math.Min(wait.Ticks * 2, LongestRetry.Ticks));
        }
    }

    private void Keep(Unsaved item)
    {
        // Ids only: reason codes quote the visitor's words and belong in the outbox, not the log.
        LogUnsaved(item.ConversationId, item.Escalation.Id);
        Interlocked.Increment(ref _pending);
        _unsaved.Enqueue(item);
        _wake.Release();
    }

    private async Task<bool> TrySaveAsync(Unsaved item, CancellationToken ct)
    {
        try
        {
            var stored = await store.GetAsync(item.ConversationId, ct);
            var state = stored is null ? new ConversationState() : JsonSerializer.Deserialize<ConversationState>(stored.StateJson) ?? new ConversationState();
            // A later turn of the same conversation already ran on a working store and raised its own crisis alert.
            if (state.StrongestLevel == TriageLevel.Crisis)
            {
                LogAlreadyRaised(item.ConversationId, item.Escalation.Id);
                return true;
            }
            var now = time.GetUtcNow();
            var next = state with { StrongestLevel = TriageLevel.Crisis, StrongestReasons = JsonSerializer.Deserialize<string[]>(item.Escalation.ReasonsJson) ?? [] };
            List<TranscriptEntry> transcript = [new(TranscriptRole.User, item.Text ?? "", now, null), new(TranscriptRole.Bot, item.ReplyText, now, null)];
            var write = new TurnWrite(item.ConversationId, item.ChannelId, JsonSerializer.Serialize(next), stored?.ETag, now, transcript, [item.Escalation], sinks.Select(s => s.Name).ToArray());
            if (await store.SaveTurnAsync(write, ct) is not SaveResult.Saved)
                return false;
            LogSaved(item.ConversationId, item.Escalation.Id);
            signal.Notify();
            return true;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogStillUnsaved(e.GetType().Name, item.ConversationId, item.Escalation.Id);
            return false;
        }
    }

    private sealed record Unsaved(string ConversationId, string ChannelId, string? Text, NewEscalation Escalation, string ReplyText);

    [LoggerMessage(LogLevel.Critical, "CRISIS ESCALATION NOT YET RECORDED: the store failed during a crisis turn in conversation {ConversationId}; the crisis reply was sent and escalation {EscalationId} is held in memory and retried until the store answers")]
    private partial void LogUnsaved(string conversationId, string escalationId);

    [LoggerMessage(LogLevel.Critical, "CRISIS ESCALATION STILL NOT RECORDED ({Fault}): conversation {ConversationId}, escalation {EscalationId}; retrying")]
    private partial void LogStillUnsaved(string fault, string conversationId, string escalationId);

    [LoggerMessage(LogLevel.Warning, "Crisis escalation {EscalationId} of conversation {ConversationId} recorded after the store came back")]
    private partial void LogSaved(string conversationId, string escalationId);

    [LoggerMessage(LogLevel.Warning, "Crisis escalation {EscalationId} of conversation {ConversationId} dropped: a later turn already raised one")]
    private partial void LogAlreadyRaised(string conversationId, string escalationId);
}
