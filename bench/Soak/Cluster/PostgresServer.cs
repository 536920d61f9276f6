using Npgsql;

namespace NearNative.Soak.Cluster;

/// <summary>
/// The harness's own throw-away PostgreSQL cluster (<c>scripts/postgres</c> on its own port and data directory), which it
/// may stop and start; one fresh database per scenario.
/// </summary>
public sealed class PostgresServer(string repository, int port)
{
    /// <summary>The API's connections carry this application name, so the connection killer finds them and only them.</summary>
    public const string ApiApplicationName = "nearnative-api";

    private readonly Dictionary<string, string> _environment = new()
    {
        ["NEARNATIVE_PG_PORT"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["NEARNATIVE_PG_DATA"] = $"/tmp/nearnative-soak-pg-{port}",
    };

    private string Script => Path.Combine(repository, "scripts", "postgres");

    public string AdminConnectionString { get; private set; } = "";

    public async Task StartAsync() =>
        AdminConnectionString = new NpgsqlConnectionStringBuilder(await Shell.RunAsync(Script, [], _environment))
        {
            ApplicationName = "nearnative-soak",
            Pooling = false,
        }.ConnectionString;

    /// <summary>A fast shutdown: open sessions are ended, committed work is flushed.</summary>
    public Task StopAsync() => Shell.RunAsync(Script, ["--stop"], _environment);

    public async Task<string> CreateDatabaseAsync(string name)
    {
        await ExecuteAsync($"CREATE DATABASE \"{name}\"");
        return new NpgsqlConnectionStringBuilder(AdminConnectionString)
        {
            Database = name,
            ApplicationName = ApiApplicationName,
            Pooling = true,
        }.ConnectionString;
    }

    public Task DropDatabaseAsync(string name) => ExecuteAsync($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");

    /// <summary>
    /// Ends the sessions the API has open on the database: all of them, or only those inside a write transaction
    /// (or committing one); says how many were inside a transaction, and how many committing.
    /// </summary>
    public async Task<Terminations> TerminateApiSessionsAsync(string database, bool all)
    {
        await using var connection = new NpgsqlConnection(AdminConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            """
            SELECT coalesce(state, ''), coalesce(query, ''), xact_start < query_start, pg_terminate_backend(pid)
            FROM pg_stat_activity
            WHERE datname = @database AND application_name = @application
              AND (@all OR state LIKE 'idle in transaction%' OR xact_start < query_start OR query ILIKE 'COMMIT%')
            """,
            connection);
        command.Parameters.AddWithValue("database", database);
        command.Parameters.AddWithValue("application", ApiApplicationName);
        command.Parameters.AddWithValue("all", all);
        var result = new Terminations(0, 0, 0);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var state = reader.GetString(0);
            var committing = state == "active" && reader.GetString(1).StartsWith("COMMIT", StringComparison.OrdinalIgnoreCase);
            var explicitTransaction = state.StartsWith("idle in transaction", StringComparison.Ordinal) || (!reader.IsDBNull(2) && reader.GetBoolean(2));
            result = new Terminations(
                result.Sessions + 1, result.InTransaction + (explicitTransaction || committing ? 1 : 0), result.Committing + (committing ? 1 : 0));
        }

        return result;
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(AdminConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}

/// <param name="Sessions">API sessions ended.</param>
/// <param name="InTransaction">Of those, sessions inside a transaction of several statements (a submission's write).</param>
/// <param name="Committing">Of those, sessions caught running COMMIT.</param>
public sealed record Terminations(int Sessions, int InTransaction, int Committing);
