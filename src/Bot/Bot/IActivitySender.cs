using Clinic.Bot.Protocol;

namespace Clinic.Bot.Bot;

/// <summary>Sends the bot's activities back on the channel a turn came from: Direct Line in process, or the Bot Connector REST API.</summary>
public interface IActivitySender
{
    /// <summary>Sends an activity and returns the id the channel gave it.</summary>
    Task<string> SendAsync(Activity activity, CancellationToken cancellationToken);

    /// <summary>Replaces an activity sent earlier (same id).</summary>
    Task UpdateAsync(Activity activity, CancellationToken cancellationToken);
}
