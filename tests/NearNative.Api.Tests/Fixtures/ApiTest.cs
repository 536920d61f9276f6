namespace NearNative.Api.Tests.Fixtures;

/// <summary>
/// Base of every test class that talks to the API: a client of the collection's running application, and a
/// database emptied before each test (xunit makes one instance per test).
/// </summary>
public abstract class ApiTest(ApiFixture fixture) : IAsyncLifetime
{
    protected ApiFixture Fixture { get; } = fixture;

    protected HttpClient Client { get; } = fixture.CreateClient();

    public Task InitializeAsync() => Fixture.ResetAsync();

    public Task DisposeAsync()
    {
        Client.Dispose();
        return Task.CompletedTask;
    }
}
