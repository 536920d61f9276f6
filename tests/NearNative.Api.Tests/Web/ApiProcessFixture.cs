using NearNative.Api.Tests.Fixtures;

namespace NearNative.Api.Tests.Web;

/// <summary>The API as a real process on its own fresh PostgreSQL database, with nothing in it.</summary>
public sealed class ApiProcessFixture : IAsyncLifetime
{
    private ScratchDatabase? _database;
    private ApiProcess? _api;

    public HttpClient Client { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _database = await ScratchDatabase.CreateAsync();
        _api = await ApiProcess.StartAsync(new Dictionary<string, string?> { ["ConnectionStrings:Postgres"] = _database.ConnectionString });
        Client = _api.CreateClient();
    }

    public async Task DisposeAsync()
    {
        Client?.Dispose();
        if (_api is not null)
        {
            await _api.DisposeAsync();
        }

        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }
}
