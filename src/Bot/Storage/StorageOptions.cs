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
    /// How long an inbound activity's claim lasts without renewal. The instance running the turn renews it every third
    /// of this, so a redelivery of a slow turn is dropped; when the instance dies the claim lapses and Teams' resend is
    /// processed. Keep it under Teams' 15-second resend.
    /// </summary>
    public TimeSpan InboundClaimLease { get; set; } = TimeSpan.FromSeconds(10);
}
