using Microsoft.EntityFrameworkCore;
using NearNative.Api.Tests.Fixtures;
using NearNative.Api.Tests.Support;

namespace NearNative.Api.Tests.Submissions;

/// <summary>The cursor's order on both providers: SQLite keeps times as sortable integers, PostgreSQL as timestamps.</summary>
public abstract class SubmissionPagingTests(ApiFixture fixture) : IAsyncLifetime
{
    private readonly HttpClient _client = fixture.CreateClient();

    public Task InitializeAsync() => fixture.ResetAsync();

    public Task DisposeAsync()
    {
        _client.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task EveryPageFollowsTheLastNewestFirst()
    {
        var key = await _client.RegisterNewKeyAsync();
        var stored = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            stored.Add((await _client.SubmitCreatedAsync(key, key.Document().OnMachine($"m{i}"))).Id);
        }

        stored.Reverse();
        Assert.Equal(stored, await _client.WalkSubmissionsAsync("/api/v1/submissions?limit=2"));
    }

    [Fact]
    public async Task SubmissionsReceivedInTheSameMillisecondAreOrderedByIdAndEachListedOnce()
    {
        var key = await _client.RegisterNewKeyAsync();
        for (var i = 0; i < 7; i++)
        {
            await _client.SubmitCreatedAsync(key, key.Document().OnMachine($"m{i}"));
        }

        var instant = new DateTimeOffset(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);
        await fixture.WithDatabaseAsync(db => db.Submissions.ExecuteUpdateAsync(s => s.SetProperty(x => x.ReceivedAt, instant)));
        await fixture.ResetCacheAsync();

        var ids = await _client.WalkSubmissionsAsync("/api/v1/submissions?limit=2");

        var stored = await fixture.WithDatabaseAsync(db => db.Submissions.Select(s => s.Id).ToListAsync());
        Assert.Equal(stored.Order(StringComparer.Ordinal).Reverse(), ids);
    }
}

[Collection(OnPostgres.Name)]
public sealed class PostgresSubmissionPagingTests(PostgresFixture fixture) : SubmissionPagingTests(fixture);

[Collection(OnSqlite.Name)]
public sealed class SqliteSubmissionPagingTests(SqliteFixture fixture) : SubmissionPagingTests(fixture);
