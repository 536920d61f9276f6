using Npgsql;

namespace NearNative.Api.Tests.Fixtures;

/// <summary>
/// A new, empty database on the PostgreSQL server named by <c>NEARNATIVE_TEST_POSTGRES</c>, dropped (with any
/// connections still open) when disposed.
/// </summary>
public sealed class ScratchDatabase : IAsyncDisposable
{
    public const string EnvironmentVariable = "NEARNATIVE_TEST_POSTGRES";

    private readonly string _adminConnectionString;
    private readonly string _name;

    private ScratchDatabase(string adminConnectionString, string name)
    {
        _adminConnectionString = adminConnectionString;
        _name = name;
        ConnectionString = new NpgsqlConnectionStringBuilder(adminConnectionString) { Database = name }.ConnectionString;
    }

    public string ConnectionString { get; }

    public static async Task<ScratchDatabase> CreateAsync()
    {
        var admin = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (string.IsNullOrWhiteSpace(admin))
        {
            throw new InvalidOperationException(
                $"{EnvironmentVariable} is not set. The API tests need a real PostgreSQL: run " +
                $"`{EnvironmentVariable}=\"$(scripts/postgres)\" dotnet test tests/NearNative.Api.Tests`.");
        }

        var database = new ScratchDatabase(admin, $"nearnative_test_{Guid.NewGuid():N}");
        await database.ExecuteAsync($"CREATE DATABASE \"{database._name}\"");
        return database;
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await ExecuteAsync($"DROP DATABASE IF EXISTS \"{_name}\" WITH (FORCE)");
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var admin = new NpgsqlConnection(_adminConnectionString);
        await admin.OpenAsync();
        await using var command = new NpgsqlCommand(sql, admin);
        await command.ExecuteNonQueryAsync();
    }
}
