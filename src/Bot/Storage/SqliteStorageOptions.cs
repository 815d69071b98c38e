namespace Clinic.Bot.Storage;

/// <summary>Settings of <c>Storage:Sqlite</c>.</summary>
public sealed class SqliteStorageOptions
{
    /// <summary>The database file; a relative path is under the content root. Its folder is created.</summary>
    public string Path { get; set; } = "data/clinic-bot.db";

    /// <summary>How long a writer waits for another writer's lock before the store reports itself unavailable.</summary>
    public int BusyTimeoutMilliseconds { get; set; } = 5000;
}
