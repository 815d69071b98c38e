namespace Clinic.Bot.Storage;

/// <summary>Which database holds the bot's data (<c>Storage:Provider</c>).</summary>
public enum StorageProvider
{
    /// <summary>A single SQLite file: one instance, or several on one machine.</summary>
    Sqlite,
    /// <summary>A PostgreSQL server: any number of instances.</summary>
    Postgres,
}
