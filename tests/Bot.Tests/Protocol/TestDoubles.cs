using System.Collections.Concurrent;
using Clinic.Bot.Bot;
using Clinic.Bot.Protocol;
using Clinic.Bot.Protocol.Connector;
using Clinic.Bot.Protocol.Hosting;

namespace Clinic.Bot.Tests.Protocol;

/// <summary>Stands in for the bot: records each turn and does what the test tells it to.</summary>
internal sealed class RecordingTurnHandler : IBotTurnHandler
{
    public ConcurrentQueue<Activity> Turns { get; } = new();

    public Func<Activity, IActivitySender, CancellationToken, Task<InvokeResponse?>> Behaviour { get; set; } =
        (_, _, _) => Task.FromResult<InvokeResponse?>(null);

    public Task<InvokeResponse?> OnTurnAsync(Activity activity, IActivitySender sender, CancellationToken cancellationToken)
    {
        Turns.Enqueue(activity);
        return Behaviour(activity, sender, cancellationToken);
    }
}

/// <summary>Hands out "token-1", "token-2", ...: a new one only after the current one is invalidated.</summary>
internal sealed class CountingTokenProvider : IBotTokenProvider
{
    private int _issued = 1;

    public string Current => "token-" + Volatile.Read(ref _issued);

    public Task<string?> GetTokenAsync(CancellationToken cancellationToken) => Task.FromResult<string?>(Current);

    public void Invalidate(string rejectedToken)
    {
        if (rejectedToken == Current)
        {
            Interlocked.Increment(ref _issued);
        }
    }
}
