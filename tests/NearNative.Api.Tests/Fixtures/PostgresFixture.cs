using Npgsql;
using Respawn;
using Respawn.Graph;

namespace NearNative.Api.Tests.Fixtures;

/// <summary>
/// The application on a real PostgreSQL: a fresh database per test run on the server named by
/// <c>NEARNATIVE_TEST_POSTGRES</c>, dropped at the end, emptied between tests by Respawn.
/// </summary>
public sealed class PostgresFixture : ApiFixture
{
    public const string EnvironmentVariable = ScratchDatabase.EnvironmentVariable;

    private ScratchDatabase? _database;
    private Respawner? _respawner;

    protected override async Task<IReadOnlyDictionary<string, string?>> PrepareDatabaseAsync()
    {
        _database = await ScratchDatabase.CreateAsync();
        return new Dictionary<string, string?> { ["ConnectionStrings:Postgres"] = _database.ConnectionString };
    }

    protected override async Task AfterStartAsync()
    {
        await using var connection = new NpgsqlConnection(_database!.ConnectionString);
        await connection.OpenAsync();
        _respawner = await Respawner.CreateAsync(connection, new RespawnerOptions
        {
            DbAdapter = DbAdapter.Postgres,
            SchemasToInclude = ["public"],
            TablesToIgnore = [new Table("__EFMigrationsHistory")],
        });
    }

    protected override async Task ResetDatabaseAsync()
    {
        await using var connection = new NpgsqlConnection(_database!.ConnectionString);
        await connection.OpenAsync();
        await _respawner!.ResetAsync(connection);
    }

    protected override async Task DropDatabaseAsync()
    {
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class OnPostgres : ICollectionFixture<PostgresFixture>
{
    public const string Name = "PostgreSQL";
}
