using Clinic.Bot.Bot;
using Clinic.Bot.Protocol;

namespace Clinic.Bot.DirectLine;

/// <summary>The bot a Direct Line turn runs: <see cref="BotActivityHandler"/>, or a stand-in in tests of the channel itself.</summary>
internal interface IDirectLineBot
{
    Task OnTurnAsync(Activity activity, IActivitySender sender, CancellationToken cancellationToken);
}

internal sealed class BotActivityHandlerAdapter(BotActivityHandler handler) : IDirectLineBot
{
    // Direct Line has no synchronous reply to an activity post, so an invoke response would have nowhere to go.
    public Task OnTurnAsync(Activity activity, IActivitySender sender, CancellationToken cancellationToken) =>
        handler.OnTurnAsync(activity, sender, cancellationToken);
}
