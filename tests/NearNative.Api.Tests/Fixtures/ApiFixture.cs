using System.Diagnostics.CodeAnalysis;
using System.Net;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NearNative.Api.Data;
using NearNative.Api.Leaderboard;

namespace NearNative.Api.Tests.Fixtures;

/// <summary>One running application per database provider, shared by a test collection, emptied between tests.</summary>
[SuppressMessage("Reliability", "CA1001", Justification = "xunit disposes fixtures through IAsyncLifetime.DisposeAsync.")]
public abstract class ApiFixture : IAsyncLifetime
{
    private NearNativeApiFactory? _factory;

    public NearNativeApiFactory Factory => _factory ?? throw new InvalidOperationException("The fixture has not started.");

    public HttpClient CreateClient() => Factory.CreateClient();

    public async Task InitializeAsync()
    {
        var settings = await PrepareDatabaseAsync();
        _factory = new NearNativeApiFactory(settings);

        // Starting the server applies the migrations.
        if (OverRealHttp)
        {
            _factory.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
            _factory.StartServer();
        }
        else
        {
            _ = _factory.Server;
        }

        await AfterStartAsync();
    }

    public async Task DisposeAsync()
    {
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }

        await DropDatabaseAsync();
    }

    /// <summary>Empties every table and the output cache, so each test starts from nothing.</summary>
    public async Task ResetAsync()
    {
        await ResetDatabaseAsync();
        await ResetCacheAsync();
    }

    /// <summary>Empties the output cache and the list of known runtimes, for tests that change rows behind the API's back.</summary>
    public async Task ResetCacheAsync()
    {
        var cache = Factory.Services.GetRequiredService<IOutputCacheStore>();
        await cache.EvictByTagAsync(LeaderboardApi.EverythingTag, default);
        Factory.Services.GetRequiredService<RuntimeDirectory>().Invalidate();
    }

    public async Task<T> WithDatabaseAsync<T>(Func<NearNativeDbContext, Task<T>> query)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<NearNativeDbContext>());
    }

    public async Task WithServicesAsync(Func<IServiceProvider, Task> action)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        await action(scope.ServiceProvider);
    }

    public Task<RowCounts> CountRowsAsync() => WithDatabaseAsync(async db => new RowCounts(
        await db.SigningKeys.CountAsync(),
        await db.Submissions.CountAsync(),
        await db.RuntimeResults.CountAsync(),
        await db.WorkloadResults.CountAsync()));

    /// <summary>Kestrel on 127.0.0.1 and clients that talk to it over TCP, instead of the in-memory test server.</summary>
    protected virtual bool OverRealHttp => false;

    protected abstract Task<IReadOnlyDictionary<string, string?>> PrepareDatabaseAsync();

    protected virtual Task AfterStartAsync() => Task.CompletedTask;

    protected abstract Task ResetDatabaseAsync();

    protected abstract Task DropDatabaseAsync();
}

public sealed record RowCounts(int Keys, int Submissions, int Runtimes, int Workloads);
