using Clinic.Bot.Storage.Sql;
using Clinic.Bot.Tests.Infrastructure;

namespace Clinic.Bot.Tests.Storage;

[Collection(PostgresCollection.Name)]
public sealed class PostgresChatStoreTests(PostgresServer server) : ChatStoreContractTests
{
    private string _connectionString = "";

    protected override async Task CreateDatabaseAsync() => _connectionString = await server.CreateDatabaseAsync();

    internal override Task<ChatStore> CreateStoreAsync() => Task.FromResult<ChatStore>(new PostgresChatStore(_connectionString));
}
