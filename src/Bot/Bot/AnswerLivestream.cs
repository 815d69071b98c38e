using System.Text.Json;
using System.Text.Json.Nodes;
using Clinic.Bot.Protocol;

namespace Clinic.Bot.Bot;

/// <summary>
/// Web Chat's livestreaming (4.17+): the verified part of a generated answer goes out as "typing" activities carrying
/// the text so far (<c>channelData.streamType = streaming</c>, rising <c>streamSequence</c>, <c>streamId</c> = the
/// first one's id); the saved answer then concludes the stream as the <c>final</c> message. Typing is ephemeral: the
/// transcript and the REST channel only ever see the final message.
/// </summary>
internal sealed class AnswerLivestream(Activity inbound, IActivitySender sender)
{
    private readonly SemaphoreSlim _order = new(1, 1);
    private string? _streamId;
    private int _sequence;

    public bool Started => _streamId is not null;

    /// <summary>Shows <paramref name="text"/> (the whole answer so far) in place of the previous interim text.</summary>
    public async Task UpdateAsync(string text, CancellationToken cancellationToken)
    {
        await _order.WaitAsync(cancellationToken);
        try
        {
            var typing = inbound.CreateReply(text);
            typing.Type = ActivityTypes.Typing;
            typing.TextFormat = "markdown";
            var data = new JsonObject { ["streamType"] = "streaming", ["streamSequence"] = ++_sequence };
            if (_streamId is not null)
                data["streamId"] = _streamId;
            typing.ChannelData = JsonSerializer.SerializeToElement(data);
            // The first interim activity's id names the stream, so it must be known before the next one goes.
            var id = await sender.SendAsync(typing, cancellationToken);
            _streamId ??= id;
        }
        finally
        {
            _order.Release();
        }
    }

    /// <summary>Marks <paramref name="message"/> as the stream's final activity, keeping its other channel data.</summary>
    public void Conclude(Activity message)
    {
        if (_streamId is null)
            return;
        var data = message.ChannelData is { ValueKind: JsonValueKind.Object } existing ? JsonNode.Parse(existing.GetRawText())!.AsObject() : [];
        data["streamId"] = _streamId;
        data["streamType"] = "final";
        message.ChannelData = JsonSerializer.SerializeToElement(data);
    }

    /// <summary>Ends a started stream with no content (the turn failed), so Web Chat removes the interim bubble.</summary>
    public async Task AbandonAsync()
    {
        if (_streamId is null)
            return;
        var end = inbound.CreateReply();
        end.Type = ActivityTypes.Typing;
        end.ChannelData = JsonSerializer.SerializeToElement(new JsonObject { ["streamId"] = _streamId, ["streamType"] = "final" });
        await sender.SendAsync(end, CancellationToken.None);
    }
}
