namespace Clinic.Bot.Staff;

/// <summary>Body of POST /staff/api/session.</summary>
public sealed record StaffSignIn(string? Key, string? Name);
