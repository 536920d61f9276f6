using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using NearNative.Api.Data;
using NearNative.Api.Tests.Fixtures;

namespace NearNative.Api.Tests.Operations;

/// <summary>
/// An operator who rolls a release back runs the migrations' <c>Down</c>: every one of them must run on both providers,
/// and a schema taken all the way down and up again must be the one the model describes.
/// </summary>
public sealed class MigrationRoundTripTests
{
    private const string BeforeDerivedVotes = "20261202043044_RuntimeListIndex";

    [Fact]
    public async Task EveryMigrationGoesDownAndUpAgainOnPostgres()
    {
        await using var database = await ScratchDatabase.CreateAsync();
        await using var db = OnPostgres(database);

        await RoundTripAsync(db);
    }

    [Fact]
    public async Task EveryMigrationGoesDownAndUpAgainOnSqlite()
    {
        var file = Path.Combine(Path.GetTempPath(), $"nearnative-migrations-{Guid.NewGuid():N}.db");
        try
        {
            await using var db = new SqliteDbContext(new DbContextOptionsBuilder<SqliteDbContext>()
                .UseSqlite($"Data Source={file}").UseSnakeCaseNamingConvention().Options);

            await RoundTripAsync(db);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            File.Delete(file);
        }
    }

    [Fact]
    public async Task GoingBackBeforeDerivedVotesEmptiesTheMachineRowsSoTheOlderCodeRebuildsThem()
    {
        await using var database = await ScratchDatabase.CreateAsync();
        await using var db = OnPostgres(database);
        await db.Database.MigrateAsync();
        db.LeaderboardCellMachines.Add(new LeaderboardCellMachine
        {
            Suite = "std-2026.1",
            Metric = "execution",
            RuntimeSlug = "wasmtime",
            RuntimeVersion = "1.0.0",
            Size = "default",
            CpuKey = "x86_64/genuineintel/6-85-7/c8",
            MachineId = new string('a', 64),
            Values = [1.2, 1.4],
            Lowers = [1.1, 1.3],
            Uppers = [1.3, 1.5],
            Points = 0,
            IntervalConfidence = 0.95,
            Secondaries = [],
            NoisySubmissions = 0,
        });
        await db.SaveChangesAsync();

        await db.GetService<IMigrator>().MigrateAsync(BeforeDerivedVotes);

        // The older code reads a vote column these rows could not fill; with none left, its start-up backfill rebuilds.
        var left = await db.Database.SqlQueryRaw<long>("SELECT count(*) AS \"Value\" FROM leaderboard_cell_machines").SingleAsync();
        Assert.Equal(0, left);
    }

    private static PostgresDbContext OnPostgres(ScratchDatabase database) =>
        new(new DbContextOptionsBuilder<PostgresDbContext>().UseNpgsql(database.ConnectionString).UseSnakeCaseNamingConvention().Options);

    private static async Task RoundTripAsync(NearNativeDbContext db)
    {
        var migrator = db.GetService<IMigrator>();
        var all = db.Database.GetMigrations().ToList();

        await migrator.MigrateAsync();
        await migrator.MigrateAsync(Migration.InitialDatabase);
        var afterDown = (await db.Database.GetAppliedMigrationsAsync()).ToList();
        await migrator.MigrateAsync();

        Assert.True(all.Count > 5, $"{all.Count} migrations");
        Assert.Empty(afterDown);
        Assert.Equal(all, await db.Database.GetAppliedMigrationsAsync());
        Assert.False(db.Database.HasPendingModelChanges());

        // The tables the current model reads are there and usable after the trip.
        Assert.Equal(0, await db.LeaderboardCellMachines.CountAsync());
        Assert.Equal(0, await db.Submissions.CountAsync());
    }
}
