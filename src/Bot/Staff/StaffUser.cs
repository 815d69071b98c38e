namespace Clinic.Bot.Staff;

/// <summary>A signed-in staff member. <see cref="Actor"/> is what the audit trail records.</summary>
/// <param name="Name">The name they gave (staff key) or their Entra ID display name.</param>
/// <param name="Method">"key" or "entra".</param>
/// <param name="ObjectId">Their Entra ID object id; null for the staff key.</param>
public sealed record StaffUser(string Name, string Method, string? ObjectId)
{
    public string Actor => ObjectId is null ? $"{Name} (staff key)" : $"{Name} (entra:{ObjectId})";
}
