using NearNative.Api.Tests.Fixtures;
using NearNative.Api.Tests.Support;

namespace NearNative.Api.Tests.Submissions;

/// <summary>Every stored figure has physical bounds; one outside them quarantines the submission with a reason naming it.</summary>
public abstract class PlausibilityTests(ApiFixture fixture) : ApiTest(fixture)
{
    public static TheoryData<string, string> Implausible => new()
    {
        { "memory", "memory ratio" },
        { "preinit", "pre-initialisation gain" },
        { "startup", "start-up" },
    };

    [Theory]
    [MemberData(nameof(Implausible))]
    public async Task AnImplausibleFigureBeyondExecutionQuarantinesTheSubmission(string figure, string named)
    {
        var key = await Client.RegisterNewKeyAsync();
        var document = figure switch
        {
            "memory" => key.Document().WithMemoryRatio("wasmer", 20_000),
            "preinit" => key.Document().WithPreinitGain("wasmer", 5_000),
            _ => key.Document().WithStartupRatio("wasmer", 200_000),
        };

        var created = await Client.SubmitCreatedAsync(key, document);

        Assert.Equal("quarantined", created.Status);
        Assert.Contains("wasmer", created.QuarantineReason, StringComparison.Ordinal);
        Assert.Contains(named, created.QuarantineReason, StringComparison.Ordinal);
        Assert.DoesNotContain((await Client.GetOkAsync<NearNative.Api.Leaderboard.LeaderboardResponse>("/api/v1/leaderboard")).Rows, r => r.Runtime == "wasmer");
    }

    [Fact]
    public async Task PlausibleFiguresAreAccepted()
    {
        var key = await Client.RegisterNewKeyAsync();

        var created = await Client.SubmitCreatedAsync(key, key.Document().WithMemoryRatio("wasmer", 40).WithPreinitGain("wasmer", 30).WithStartupRatio("wasmer", 300));

        Assert.Equal(("accepted", null), (created.Status, created.QuarantineReason));
    }
}

[Collection(OnPostgres.Name)]
public sealed class PostgresPlausibilityTests(PostgresFixture fixture) : PlausibilityTests(fixture);

[Collection(OnSqlite.Name)]
public sealed class SqlitePlausibilityTests(SqliteFixture fixture) : PlausibilityTests(fixture);
