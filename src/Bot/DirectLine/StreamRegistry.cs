namespace Clinic.Bot.DirectLine;

/// <summary>One WebSocket per conversation, as in the Azure service: a new connection ends the previous one ("collision").</summary>
internal sealed class StreamRegistry
{
    private readonly Dictionary<string, CancellationTokenSource> _streams = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    /// <summary>Registers a stream; the returned source is cancelled when a newer stream for the conversation arrives.</summary>
    public CancellationTokenSource Register(string conversationId)
    {
        var mine = new CancellationTokenSource();
        CancellationTokenSource? previous;
        lock (_gate)
        {
            _streams.TryGetValue(conversationId, out previous);
            _streams[conversationId] = mine;
        }
        previous?.Cancel();
        return mine;
    }

    public void Unregister(string conversationId, CancellationTokenSource stream)
    {
        lock (_gate)
        {
            if (_streams.TryGetValue(conversationId, out var current) && current == stream)
            {
                _streams.Remove(conversationId);
            }
        }
    }
}
