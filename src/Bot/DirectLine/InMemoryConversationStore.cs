using System.Collections.Concurrent;
using System.Text.Json;
using Clinic.Bot.Protocol;
using Microsoft.Extensions.Options;

namespace Clinic.Bot.DirectLine;

/// <summary>Keeps each conversation's log in this process, bounded by count and bytes, forgetting idle conversations.</summary>
internal sealed class InMemoryConversationStore(IOptions<DirectLineOptions> options, TimeProvider time) : IConversationStore
{
    private readonly ConcurrentDictionary<string, Conversation> _conversations = new(StringComparer.Ordinal);
    private readonly DirectLineOptions _options = options.Value;

    /// <summary>Live conversations, for tests and metrics.</summary>
    public int Count => _conversations.Count;

    public Task<ConversationCreateResult> CreateAsync(string conversationId, CancellationToken cancellationToken)
    {
        if (Find(conversationId) is not null)
        {
            return Task.FromResult(ConversationCreateResult.AlreadyExists);
        }
        if (_conversations.Count >= _options.MaxConversations)
        {
            RemoveIdle();
            if (_conversations.Count >= _options.MaxConversations)
            {
                return Task.FromResult(ConversationCreateResult.AtCapacity);
            }
        }
        var created = new Conversation(time.GetUtcNow());
        return Task.FromResult(_conversations.TryAdd(conversationId, created)
            ? ConversationCreateResult.Created
            : ConversationCreateResult.AlreadyExists);
    }

    public Task<bool> TouchAsync(string conversationId, CancellationToken cancellationToken) =>
        Task.FromResult(Find(conversationId) is not null);

    public Task<StoredActivity?> AppendAsync(string conversationId, Activity activity, CancellationToken cancellationToken)
    {
        var conversation = Find(conversationId);
        return Task.FromResult(conversation?.Append(conversationId, activity, replace: false, _options));
    }

    public Task<StoredActivity?> ReplaceAsync(string conversationId, Activity activity, CancellationToken cancellationToken)
    {
        var conversation = Find(conversationId);
        return Task.FromResult(conversation?.Append(conversationId, activity, replace: true, _options));
    }

    public Task<ActivityPage?> ReadAsync(string conversationId, long afterWatermark, CancellationToken cancellationToken) =>
        Task.FromResult(Find(conversationId)?.Read(afterWatermark));

    public async Task<bool> WaitForActivityAsync(string conversationId, long afterWatermark, CancellationToken cancellationToken)
    {
        var signal = Find(conversationId)?.SignalAfter(afterWatermark);
        return signal is not null && await signal.WaitAsync(cancellationToken);
    }

    public Task<int> RemoveIdleAsync(CancellationToken cancellationToken) => Task.FromResult(RemoveIdle());

    private int RemoveIdle()
    {
        var cutoff = time.GetUtcNow() - _options.ConversationIdleTimeout;
        var removed = 0;
        foreach (var (id, conversation) in _conversations)
        {
            if (conversation.LastTouched <= cutoff && Remove(id, conversation))
            {
                removed++;
            }
        }
        return removed;
    }

    /// <summary>The live conversation, touched; expired ones are removed on the way so results never depend on the sweeper.</summary>
    private Conversation? Find(string conversationId)
    {
        if (!_conversations.TryGetValue(conversationId, out var conversation))
        {
            return null;
        }
        var now = time.GetUtcNow();
        if (conversation.LastTouched <= now - _options.ConversationIdleTimeout)
        {
            Remove(conversationId, conversation);
            return null;
        }
        conversation.LastTouched = now;
        return conversation;
    }

    private bool Remove(string id, Conversation conversation)
    {
        if (!_conversations.TryRemove(new KeyValuePair<string, Conversation>(id, conversation)))
        {
            return false;
        }
        conversation.End();
        return true;
    }

    private sealed class Conversation(DateTimeOffset created)
    {
        private readonly Lock _gate = new();
        private readonly LinkedList<StoredActivity> _log = new();
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
                if (activity.Type == ActivityTypes.Typing)
                {
                    // Only the latest "typing" of each sender matters; older ones would crowd real messages out of the log.
                    RemoveWhere(e => e.Type == ActivityTypes.Typing && e.FromId == activity.From?.Id);
                }
                var json = JsonSerializer.SerializeToUtf8Bytes(activity, DirectLineJson.Options);
                stored = new StoredActivity(sequence, activity.Id, activity.Type, activity.From?.Id, json);
                _log.AddLast(stored);
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
                var activities = _log.Where(e => e.Sequence > afterWatermark).ToList();
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
}
