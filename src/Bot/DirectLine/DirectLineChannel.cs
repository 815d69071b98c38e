namespace Clinic.Bot.DirectLine;

internal static class DirectLineChannel
{
    public const string ChannelId = "directline";
}
