using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace NearNative.Api.Tests.Fixtures;

/// <summary>The application on its embedded default, SQLite, in a temporary file.</summary>
public sealed class SqliteFixture : ApiFixture
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"nearnative-test-{Guid.NewGuid():N}.db");

    protected override Task<IReadOnlyDictionary<string, string?>> PrepareDatabaseAsync() =>
        Task.FromResult<IReadOnlyDictionary<string, string?>>(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Postgres"] = "",
            ["ConnectionStrings:Sqlite"] = $"Data Source={_path}",
        });

    // Respawn has no SQLite adapter; deletes in foreign-key order do the same.
    protected override Task ResetDatabaseAsync() => WithDatabaseAsync(async db =>
    {
        await db.LeaderboardCells.ExecuteDeleteAsync();
        await db.LeaderboardCellMachines.ExecuteDeleteAsync();
        await db.LeaderboardCellVotes.ExecuteDeleteAsync();
        await db.CategoryResults.ExecuteDeleteAsync();
        await db.WorkloadResults.ExecuteDeleteAsync();
        await db.RuntimeResults.ExecuteDeleteAsync();
        await db.Submissions.ExecuteDeleteAsync();
        return await db.SigningKeys.ExecuteDeleteAsync();
    });

    protected override Task DropDatabaseAsync()
    {
        SqliteConnection.ClearAllPools();
        foreach (var file in new[] { _path, _path + "-wal", _path + "-shm" })
        {
            File.Delete(file);
        }

        return Task.CompletedTask;
    }
}

[CollectionDefinition(Name)]
public sealed class OnSqlite : ICollectionFixture<SqliteFixture>
{
    public const string Name = "SQLite";
}
