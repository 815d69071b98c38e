using System.Collections.Concurrent;
using Clinic.Bot.Protocol;
using Microsoft.Extensions.Options;

namespace Clinic.Bot.DirectLine;

/// <summary>Keeps each conversation's log in this process, bounded by count and bytes, forgetting idle conversations.</summary>
internal sealed class InMemoryConversationStore(IOptions<DirectLineOptions> options, TimeProvider time) : IConversationStore
{
    private readonly ConcurrentDictionary<string, ConversationLog> _conversations = new(StringComparer.Ordinal);
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
        var created = new ConversationLog(time.GetUtcNow());
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
    private ConversationLog? Find(string conversationId)
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

    private bool Remove(string id, ConversationLog conversation)
    {
        if (!_conversations.TryRemove(new KeyValuePair<string, ConversationLog>(id, conversation)))
        {
            return false;
        }
        conversation.End();
        return true;
    }
}
