using Clinic.Bot.Bot;
using Clinic.Bot.DirectLine;
using Clinic.Bot.Protocol;

namespace Clinic.Bot.Tests.DirectLine;

/// <summary>A stand-in bot that echoes, so the channel's own tests do not depend on the FAQ dialog's wording.</summary>
internal sealed class EchoBot : IDirectLineBot
{
    public async Task OnTurnAsync(Activity activity, IActivitySender sender, CancellationToken cancellationToken)
    {
        if (activity.Type != ActivityTypes.Message)
            return;
        await sender.SendAsync(activity.CreateReply("echo: " + activity.Text), cancellationToken);
    }
}
