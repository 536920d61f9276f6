using Npgsql;
using Respawn;
using Respawn.Graph;

namespace NearNative.Api.Tests.Fixtures;

/// <summary>
/// The application on a real PostgreSQL: a fresh database per test run on the server named by
/// <c>NEARNATIVE_TEST_POSTGRES</c>, dropped at the end, emptied between tests by Respawn.
/// </summary>
public class PostgresFixture : ApiFixture
{
    public const string EnvironmentVariable = ScratchDatabase.EnvironmentVariable;

    /// <summary>The administrator token this application is configured with; the SQLite one has none.</summary>
    public const string AdminToken = "test-admin-token-0123456789abcdefghijklmnop";

    private ScratchDatabase? _database;
    private Respawner? _respawner;

    protected override async Task<IReadOnlyDictionary<string, string?>> PrepareDatabaseAsync()
    {
        _database = await ScratchDatabase.CreateAsync();
        return new Dictionary<string, string?>
        {
            ["ConnectionStrings:Postgres"] = _database.ConnectionString,
            ["Admin:Token"] = AdminToken,
        };
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

/// <summary>The application on a real PostgreSQL behind Kestrel on 127.0.0.1, for what only real HTTP shows: concurrency, chunked bodies.</summary>
public sealed class PostgresOverHttpFixture : PostgresFixture
{
    protected override bool OverRealHttp => true;
}

[CollectionDefinition(Name)]
public sealed class OnPostgresOverHttp : ICollectionFixture<PostgresOverHttpFixture>
{
    public const string Name = "PostgreSQL over HTTP";
}

/// <summary>
/// Its own application on PostgreSQL, for tests that read process-wide counts: OpenTelemetry collects every meter of
/// a name in the process, so another host's requests would add to them (and a host shutting down would remove its
/// part). Such a collection runs alone, after all the others.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class OnPostgresAlone : ICollectionFixture<PostgresFixture>
{
    public const string Name = "PostgreSQL, alone";
}
