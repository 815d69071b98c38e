namespace Clinic.Bot.Staff;

/// <summary>Settings of the <c>Staff</c> section: who may open the staff page at /staff.</summary>
public sealed class StaffOptions
{
    public const string SectionName = "Staff";

    /// <summary>A shared staff key (at least 16 characters), entered once per browser. With no key and no Entra ID, /staff is off.</summary>
    public string? Key { get; set; }

    /// <summary>How long a sign-in lasts.</summary>
    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromHours(12);

    /// <summary>Entra ID sign-in: the authority, e.g. https://login.microsoftonline.com/{tenant-id}/v2.0.</summary>
    public string? Authority { get; set; }

    /// <summary>Entra ID sign-in: the app registration's client id (redirect URI: https://{host}/staff/signin-oidc).</summary>
    public string? ClientId { get; set; }

    /// <summary>Optional: with a secret the sign-in uses the authorization code flow; without, ID tokens (enable them on the app registration).</summary>
    public string? ClientSecret { get; set; }

    /// <summary>Optional app role (the token's "roles" claim) every Entra ID user needs, e.g. "Clinic.Staff".</summary>
    public string? RequiredRole { get; set; }

    public bool KeyEnabled => !string.IsNullOrWhiteSpace(Key);

    public bool EntraEnabled => !string.IsNullOrWhiteSpace(Authority) && !string.IsNullOrWhiteSpace(ClientId);

    public bool Enabled => KeyEnabled || EntraEnabled;
}
