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
    public const string EnvironmentVariable = "NEARNATIVE_TEST_POSTGRES";

    /// <summary>The administrator token this application is configured with; the SQLite one has none.</summary>
    public const string AdminToken = "test-admin-token-0123456789abcdefghijklmnop";

    private string? _adminConnectionString;
    private string? _connectionString;
    private string? _database;
    private Respawner? _respawner;

    protected override async Task<IReadOnlyDictionary<string, string?>> PrepareDatabaseAsync()
    {
        _adminConnectionString = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (string.IsNullOrWhiteSpace(_adminConnectionString))
        {
            throw new InvalidOperationException(
                $"{EnvironmentVariable} is not set. The API tests need a real PostgreSQL: run " +
                $"`{EnvironmentVariable}=\"$(scripts/postgres)\" dotnet test tests/NearNative.Api.Tests`.");
        }

        _database = $"nearnative_test_{Guid.NewGuid():N}";
        await using (var admin = new NpgsqlConnection(_adminConnectionString))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{_database}\"", admin);
            await create.ExecuteNonQueryAsync();
        }

        _connectionString = new NpgsqlConnectionStringBuilder(_adminConnectionString) { Database = _database }.ConnectionString;
        return new Dictionary<string, string?>
        {
            ["ConnectionStrings:Postgres"] = _connectionString,
            ["Admin:Token"] = AdminToken,
        };
    }

    protected override async Task AfterStartAsync()
    {
        await using var connection = new NpgsqlConnection(_connectionString);
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
        await using var connection = new NpgsqlConnection(_connectionString);
        await connection.OpenAsync();
        await _respawner!.ResetAsync(connection);
    }

    protected override async Task DropDatabaseAsync()
    {
        if (_database is null)
        {
            return;
        }

        NpgsqlConnection.ClearAllPools();
        await using var admin = new NpgsqlConnection(_adminConnectionString);
        await admin.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_database}\" WITH (FORCE)", admin);
        await drop.ExecuteNonQueryAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class OnPostgres : ICollectionFixture<PostgresFixture>
{
    public const string Name = "PostgreSQL";
}
