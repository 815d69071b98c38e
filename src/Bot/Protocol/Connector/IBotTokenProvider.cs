namespace Clinic.Bot.Protocol.Connector;

/// <summary>Bearer tokens the bot presents to the Bot Connector REST API.</summary>
public interface IBotTokenProvider
{
    /// <summary>A current token, or null when no app id is configured (local Emulator / playground, anonymous).</summary>
    Task<string?> GetTokenAsync(CancellationToken cancellationToken);

    /// <summary>The connector refused <paramref name="rejectedToken"/> (401): drop it so the next call gets a fresh one.</summary>
    void Invalidate(string rejectedToken);
}
