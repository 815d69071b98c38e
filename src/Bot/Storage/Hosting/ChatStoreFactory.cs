using Clinic.Bot.Storage.Sql;

namespace Clinic.Bot.Storage.Hosting;

internal static class ChatStoreFactory
{
    public static ChatStore Create(StorageOptions options, string contentRoot) => options.Provider switch
    {
        StorageProvider.Sqlite => new SqliteChatStore(Path.Combine(contentRoot, options.Sqlite.Path), options.Sqlite.BusyTimeoutMilliseconds),
        StorageProvider.Postgres => new PostgresChatStore(options.Postgres.ConnectionString!),
        _ => throw new InvalidOperationException($"Storage:Provider '{options.Provider}' is not supported; use Sqlite or Postgres."),
    };
}
