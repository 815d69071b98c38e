using Clinic.Bot.Bot;

namespace Clinic.Bot.Protocol.Hosting;

/// <summary>What the messaging endpoint calls once a request is authenticated. By default <see cref="BotActivityHandler"/>.</summary>
public interface IBotTurnHandler
{
    Task<InvokeResponse?> OnTurnAsync(Activity activity, IActivitySender sender, CancellationToken cancellationToken);
}

internal sealed class BotActivityHandlerTurnHandler(BotActivityHandler handler) : IBotTurnHandler
{
    public Task<InvokeResponse?> OnTurnAsync(Activity activity, IActivitySender sender, CancellationToken cancellationToken) =>
        handler.OnTurnAsync(activity, sender, cancellationToken);
}
