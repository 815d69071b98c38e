namespace Clinic.Bot.Storage;

/// <summary>Settings of <c>Storage:Postgres</c>.</summary>
public sealed class PostgresStorageOptions
{
    /// <summary>An Npgsql connection string; required when the provider is Postgres. Keep it out of source control.</summary>
    public string? ConnectionString { get; set; }
}
