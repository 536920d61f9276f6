using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using NearNative.Api.Data;
using NearNative.Api.Leaderboard;
using Npgsql;

namespace NearNative.Api.Infrastructure;

/// <summary>
/// Chooses the database: PostgreSQL when <c>ConnectionStrings:Postgres</c> is set, else the embedded SQLite
/// file (<c>ConnectionStrings:Sqlite</c>, default <c>nearnative.db</c> in the content root).
/// </summary>
public static class DatabaseSetup
{
    public static WebApplicationBuilder AddDatabase(this WebApplicationBuilder builder)
    {
        // Read when the container builds a context, not now, so configuration added later (tests) still counts.
        builder.Services.AddDbContext<PostgresDbContext>((services, options) =>
            options.UseNpgsql(Bounded(Setting(services).ConnectionString)).UseSnakeCaseNamingConvention());
        builder.Services.AddDbContext<SqliteDbContext>((services, options) =>
            options.UseSqlite(Setting(services).ConnectionString).UseSnakeCaseNamingConvention());
        builder.Services.AddScoped<NearNativeDbContext>(services => Setting(services).Provider switch
        {
            DatabaseProvider.PostgreSql => services.GetRequiredService<PostgresDbContext>(),
            _ => services.GetRequiredService<SqliteDbContext>(),
        });
        return builder;
    }

    /// <summary>
    /// Applies pending migrations unless <c>Database:MigrateOnStartup</c> is false, then fills the leaderboard cells
    /// of a database migrated from before they were maintained.
    /// </summary>
    public static async Task MigrateDatabaseAsync(this WebApplication app)
    {
        if (!app.Configuration.GetValue("Database:MigrateOnStartup", true))
        {
            return;
        }

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NearNativeDbContext>();
        await db.Database.MigrateAsync();
        await scope.ServiceProvider.GetRequiredService<CellMaintenance>().BackfillAsync(default);
    }

    /// <summary>
    /// The PostgreSQL connection string with a bound on every wait a request can meet, unless it sets its own: at most
    /// <see cref="ConnectTimeoutSeconds"/> to open a connection or get one from a full pool, and
    /// <see cref="CommandTimeoutSeconds"/> per command. A database that does not answer then costs a request a 503
    /// within that time, never a hang.
    /// </summary>
    public static string Bounded(string connectionString)
    {
        var given = new DbConnectionStringBuilder { ConnectionString = connectionString };
        var bounded = new NpgsqlConnectionStringBuilder(connectionString);
        if (!given.ContainsKey("Timeout"))
        {
            bounded.Timeout = ConnectTimeoutSeconds;
        }

        if (!given.ContainsKey("Command Timeout") && !given.ContainsKey("CommandTimeout"))
        {
            bounded.CommandTimeout = CommandTimeoutSeconds;
        }

        return bounded.ConnectionString;
    }

    public const int ConnectTimeoutSeconds = 5;

    public const int CommandTimeoutSeconds = 30;

    private static DatabaseSetting Setting(IServiceProvider services)
    {
        var configuration = services.GetRequiredService<IConfiguration>();
        var postgres = configuration.GetConnectionString("Postgres");
        if (!string.IsNullOrWhiteSpace(postgres))
        {
            return new DatabaseSetting(DatabaseProvider.PostgreSql, postgres);
        }

        var sqlite = configuration.GetConnectionString("Sqlite");
        if (string.IsNullOrWhiteSpace(sqlite))
        {
            var contentRoot = services.GetRequiredService<IHostEnvironment>().ContentRootPath;
            sqlite = $"Data Source={Path.Combine(contentRoot, "nearnative.db")}";
        }

        return new DatabaseSetting(DatabaseProvider.Sqlite, sqlite);
    }

    private enum DatabaseProvider
    {
        PostgreSql,
        Sqlite,
    }

    private sealed record DatabaseSetting(DatabaseProvider Provider, string ConnectionString);
}
