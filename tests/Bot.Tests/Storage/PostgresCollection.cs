using Clinic.Bot.Tests.Infrastructure;

namespace Clinic.Bot.Tests.Storage;

/// <summary>One PostgreSQL server shared by the classes in this collection; each test gets its own database.</summary>
[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresServer>
{
    public const string Name = "Postgres";
}
