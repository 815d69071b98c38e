using System.Text.Json;
using Clinic.Bot.Protocol;

namespace Clinic.Bot.DirectLine;

/// <summary>One conversation's log in memory: ordered, bounded by count and bytes, with a signal for stream waiters.</summary>
internal sealed class ConversationLog(DateTimeOffset created)
{
    private readonly Lock _gate = new();
    private readonly LinkedList<StoredActivity> _log = new();
    // The latest "typing" of each sender, so replacing it does not walk a long log (a node trimmed off the log has no List).
    private readonly Dictionary<string, LinkedListNode<StoredActivity>> _typing = new(StringComparer.Ordinal);
    private long _lastSequence;
    private long _bytes;
    private bool _ended;
    private TaskCompletionSource<bool> _changed = NewSignal();

    private long _lastTouchedUtcTicks = created.UtcTicks;

    // Interlocked rather than the lock: touching happens on every request and must not wait for a writer.
    public DateTimeOffset LastTouched
    {
        get => new(Interlocked.Read(ref _lastTouchedUtcTicks), TimeSpan.Zero);
        set => Interlocked.Exchange(ref _lastTouchedUtcTicks, value.UtcTicks);
    }

    public StoredActivity? Append(string conversationId, Activity activity, bool replace, DirectLineOptions limits)
    {
        TaskCompletionSource<bool> changed;
        StoredActivity stored;
        lock (_gate)
        {
            if (_ended || (replace && (activity.Id is null || !RemoveWhere(e => e.Id == activity.Id))))
            {
                return null;
            }
            var sequence = ++_lastSequence;
            activity.Id ??= Identifiers.ActivityId(conversationId, sequence);
            var typing = activity.Type == ActivityTypes.Typing;
            if (typing && _typing.Remove(activity.From?.Id ?? "", out var previous) && previous.List is not null)
            {
                // Only the latest "typing" of each sender matters; older ones would crowd real messages out of the log.
                _bytes -= previous.Value.Json.Length;
                _log.Remove(previous);
            }
            var json = JsonSerializer.SerializeToUtf8Bytes(activity, DirectLineJson.Options);
            stored = new StoredActivity(sequence, activity.Id, activity.Type, activity.From?.Id, json);
            var node = _log.AddLast(stored);
            if (typing)
                _typing[activity.From?.Id ?? ""] = node;
            _bytes += json.Length;
            while (_log.Count > 1 && (_log.Count > limits.MaxActivitiesPerConversation || _bytes > limits.MaxConversationBytes))
            {
                _bytes -= _log.First!.Value.Json.Length;
                _log.RemoveFirst();
            }
            changed = _changed;
            _changed = NewSignal();
        }
        changed.TrySetResult(true);
        return stored;
    }

    public ActivityPage Read(long afterWatermark)
    {
        lock (_gate)
        {
            // Sequences rise along the log: walk back from the newest to the first one the client has not seen.
            var first = _log.Last;
            var count = 0;
            while (first is not null && first.Value.Sequence > afterWatermark)
            {
                count++;
                first = first.Previous;
            }
            var activities = new List<StoredActivity>(count);
            for (var node = first is null ? _log.First : first.Next; node is not null; node = node.Next)
                activities.Add(node.Value);
            return new ActivityPage(activities, _lastSequence);
        }
    }

    /// <summary>A task that is already true when something newer exists, else completes on the next append or end.</summary>
    public Task<bool> SignalAfter(long afterWatermark)
    {
        lock (_gate)
        {
            return _ended ? Task.FromResult(false)
                : _lastSequence > afterWatermark ? Task.FromResult(true)
                : _changed.Task;
        }
    }

    public void End()
    {
        TaskCompletionSource<bool> changed;
        lock (_gate)
        {
            _ended = true;
            _log.Clear();
            _typing.Clear();
            _bytes = 0;
            changed = _changed;
        }
        changed.TrySetResult(false);
    }

    private bool RemoveWhere(Func<StoredActivity, bool> match)
    {
        var removed = false;
        for (var node = _log.First; node is not null;)
        {
            var next = node.Next;
            if (match(node.Value))
            {
                _bytes -= node.Value.Json.Length;
                _log.Remove(node);
                removed = true;
            }
            node = next;
        }
        return removed;
    }

    private static TaskCompletionSource<bool> NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
