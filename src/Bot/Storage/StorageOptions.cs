namespace Clinic.Bot.Storage;

/// <summary>Settings of the <c>Storage</c> section.</summary>
public sealed class StorageOptions
{
    public const string SectionName = "Storage";

    public StorageProvider Provider { get; set; } = StorageProvider.Sqlite;

    public SqliteStorageOptions Sqlite { get; set; } = new();

    public PostgresStorageOptions Postgres { get; set; } = new();

    public RetentionOptions Retention { get; set; } = new();

    /// <summary>
    /// How long an inbound activity stays claimed while its turn runs. A redelivery within it is dropped (the turn is
    /// still going, perhaps on another instance); after it, one that finds the turn never finished (its instance
    /// died) is processed. Keep it under Teams' 15-second resend and above the slowest turn.
    /// </summary>
    public TimeSpan InboundClaimLease { get; set; } = TimeSpan.FromSeconds(10);
}
