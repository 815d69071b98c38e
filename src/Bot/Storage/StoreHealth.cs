namespace Clinic.Bot.Storage;

/// <summary>Whether the store answered; <see cref="Description"/> carries no personal data.</summary>
public sealed record StoreHealth(bool IsHealthy, string Description);
