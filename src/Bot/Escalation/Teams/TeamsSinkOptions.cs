namespace Clinic.Bot.Escalation.Teams;

/// <summary>Settings of <c>Escalation:Teams</c>: the staff channel alerts are posted to.</summary>
public sealed class TeamsSinkOptions
{
    /// <summary>The Bot Connector URL of the staff team's region, e.g. https://smba.trafficmanager.net/teams/ (from any activity of that team).</summary>
    public string? ServiceUrl { get; set; }

    /// <summary>The staff channel's conversation id, 19:...@thread.tacv2. Its presence turns the Teams sink on.</summary>
    public string? ChannelId { get; set; }

    /// <summary>The staff team's tenant (GUID).</summary>
    public string? TenantId { get; set; }

    public bool IsConfigured => !string.IsNullOrWhiteSpace(ChannelId);
}
