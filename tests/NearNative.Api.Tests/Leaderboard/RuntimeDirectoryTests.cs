using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NearNative.Api.Data;
using NearNative.Api.Leaderboard;
using NearNative.Api.Tests.Fixtures;

namespace NearNative.Api.Tests.Leaderboard;

/// <summary>
/// The list of known runtimes is read by a loose index scan, one probe per suite and runtime, in SQL of its own; it
/// must name exactly the (suite, runtime) pairs that have cells, on both providers, whatever the slugs look like.
/// </summary>
public abstract class RuntimeDirectoryTests(ApiFixture fixture) : ApiTest(fixture)
{
    private static readonly string[] Suites = ["aaa-2025.9", "std-2026.1", "std-2026.10", "zzz-2027.1"];

    // Neighbours in every ordering: a prefix of another slug, case, digits, separators, and native itself.
    private static readonly string[] Slugs =
        ["native", "node", "node-v8", "node-v8-liftoff", "node_v8", "nodev8", "Wasmtime", "wasmtime", "wasmtime-2", "wamr", "z"];

    private static readonly string[] Sizes = ["small", "default"];
    private static readonly string[] CpuKeys = ["x86_64/genuineintel/6-85-7/c8", "x86_64/authenticamd/25-33-0/c16"];
    private static readonly string[] Metrics = ["execution", "startup"];

    [Fact]
    public async Task TheListNamesEveryRuntimeWithCellsInEachSuiteAndNothingElse()
    {
        // Each suite holds its own runtimes, repeated over sizes, CPU keys and metrics, so the scan must skip the repeats.
        var seeded = new List<(string Suite, string Slug)>();
        for (var s = 0; s < Suites.Length; s++)
        {
            seeded.AddRange(Slugs.Where((_, i) => (i + s) % 3 != 0).Select(slug => (Suites[s], slug)));
        }

        await Fixture.WithDatabaseAsync(async db =>
        {
            db.LeaderboardCells.AddRange(seeded.SelectMany(pair => Cells(pair.Suite, pair.Slug)));
            return await db.SaveChangesAsync();
        });
        await Fixture.ResetCacheAsync();

        var directory = Fixture.Factory.Services.GetRequiredService<RuntimeDirectory>();
        var expected = await Fixture.WithDatabaseAsync(db => db.LeaderboardCells.AsNoTracking()
            .Where(c => c.RuntimeSlug != CellComputation.NativeSlug)
            .Select(c => new { c.Suite, c.RuntimeSlug })
            .Distinct()
            .ToListAsync());
        var known = new List<(string, string)>();
        foreach (var suite in Suites.Append("std-2099.1"))
        {
            foreach (var slug in Slugs.Append("unknown"))
            {
                if (await directory.KnowsAsync(suite, slug, default))
                {
                    known.Add((suite, slug));
                }
            }
        }

        Assert.True(expected.Count > 20, $"{expected.Count} pairs seeded");
        Assert.Equal(expected.Select(e => (e.Suite, e.RuntimeSlug)).Order(), known.Order());
    }

    [Fact]
    public async Task AnEmptyDatabaseKnowsNoRuntime()
    {
        var directory = Fixture.Factory.Services.GetRequiredService<RuntimeDirectory>();

        Assert.False(await directory.KnowsAsync("std-2026.1", "wasmtime", default));
    }

    private static IEnumerable<LeaderboardCell> Cells(string suite, string slug) =>
        from size in Sizes
        from cpu in CpuKeys
        from metric in Metrics
        select new LeaderboardCell
        {
            Suite = suite,
            Metric = metric,
            RuntimeSlug = slug,
            RuntimeVersion = "1.0.0",
            Size = size,
            CpuKey = cpu,
            RuntimeName = slug,
            Configuration = "default",
            CpuBrand = "A CPU",
            Newest = DateTimeOffset.UnixEpoch,
            Machines = 1,
            Submissions = 1,
            Provisional = true,
            NoisySubmissions = 0,
            NoisyMachines = 0,
        };
}

[Collection(OnPostgres.Name)]
public sealed class PostgresRuntimeDirectoryTests(PostgresFixture fixture) : RuntimeDirectoryTests(fixture);

[Collection(OnSqlite.Name)]
public sealed class SqliteRuntimeDirectoryTests(SqliteFixture fixture) : RuntimeDirectoryTests(fixture);
