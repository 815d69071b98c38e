using System.Collections.Concurrent;
using Clinic.Bot.Bot;
using Clinic.Bot.DirectLine;
using Clinic.Bot.Protocol;

namespace Clinic.Bot.Tests.DirectLine;

/// <summary>A stand-in bot for tests of the channel: records every turn and does whatever the test scripts.</summary>
internal sealed class ScriptedBot(Func<Activity, IActivitySender, CancellationToken, Task> onTurn) : IDirectLineBot
{
    public ConcurrentQueue<Activity> Turns { get; } = new();

    public async Task OnTurnAsync(Activity activity, IActivitySender sender, CancellationToken cancellationToken)
    {
        Turns.Enqueue(activity);
        await onTurn(activity, sender, cancellationToken);
    }

    public static Task<string> ReplyAsync(IActivitySender sender, Activity to, string text, CancellationToken cancellationToken) =>
        sender.SendAsync(new Activity { Type = ActivityTypes.Message, Text = text, ReplyToId = to.Id }, cancellationToken);
}
