using System.Net;
using System.Text.Json;
using NearNative.Api.Tests.Fixtures;

namespace NearNative.Api.Tests.Infrastructure;

[Collection(OnPostgres.Name)]
public sealed class HealthAndDocumentationTests(PostgresFixture fixture) : IDisposable
{
    private readonly HttpClient _client = fixture.CreateClient();

    public void Dispose() => _client.Dispose();

    [Fact]
    public async Task TheOpenApiDocumentListsEveryEndpointWithItsResponses()
    {
        using var response = await _client.GetAsync("/swagger/v1/swagger.json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var paths = json.RootElement.GetProperty("paths");
        string[] Responses(string path, string method) =>
            [.. paths.GetProperty(path).GetProperty(method).GetProperty("responses").EnumerateObject().Select(p => p.Name).Order()];

        Assert.Equal(["201", "200", "400", "401", "403", "409", "413", "429"], Responses("/api/v1/submissions", "post").OrderBy(s => s != "201"));
        Assert.Equal(["200", "404"], Responses("/api/v1/submissions/{id}", "get"));
        Assert.Equal(["200", "404"], Responses("/api/v1/submissions/{id}/document", "get"));
        Assert.Equal(["200", "201", "400", "401", "413", "429"], Responses("/api/v1/keys", "post"));
        Assert.Equal(["200", "404"], Responses("/api/v1/keys/{keyId}", "get"));
        Assert.Equal(["200", "201", "400", "401", "404", "409", "413", "429"], Responses("/api/v1/keys/{keyId}/rotate", "post"));
        Assert.Equal(["200", "400", "401", "404", "413", "429"], Responses("/api/v1/keys/{keyId}/revoke", "post"));
        Assert.Equal(["200", "400", "404"], Responses("/api/v1/leaderboard", "get"));
        Assert.Equal(["200", "400", "404"], Responses("/api/v1/cpus", "get"));
        Assert.Equal(["200", "304", "400", "404"], Responses("/badges/{runtime}.svg", "get"));
        Assert.Equal(["200", "304", "400", "404"], Responses("/badges/{runtime}.json", "get"));
        Assert.Equal(11, paths.EnumerateObject().Count(p => !p.Name.StartsWith("/api/v1/admin/", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task TheOpenApiDocumentNamesTheUnitsOfTheReadableFigures()
    {
        using var response = await _client.GetAsync("/swagger/v1/swagger.json");

        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var schemas = json.RootElement.GetProperty("components").GetProperty("schemas");
        string[] Properties(string schema) => [.. schemas.GetProperty(schema).GetProperty("properties").EnumerateObject().Select(p => p.Name)];

        Assert.Subset(new HashSet<string>(Properties("LeaderboardResponse")), new HashSet<string> { "unit", "noisyOnly" });
        Assert.Subset(new HashSet<string>(Properties("LeaderboardRowResponse")), new HashSet<string> { "addedMs", "startupRatio", "floorMb", "nativeFloorMb", "confidence", "noisySubmissions" });
        Assert.Subset(new HashSet<string>(Properties("LeaderboardCellResponse")), new HashSet<string> { "addedMs", "floorMb", "confidence", "noisySubmissions" });
        Assert.Subset(new HashSet<string>(Properties("StartupResponse")), new HashSet<string> { "addedMs" });
        Assert.Subset(new HashSet<string>(Properties("MemoryFloorResponse")), new HashSet<string> { "floorMb", "nativeFloorMb" });
        Assert.Contains("memory-floor", schemas.GetProperty("LeaderboardRowResponse").GetProperty("properties").GetProperty("floorMb").GetProperty("description").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheOpenApiDocumentDescribesInstanceStartAndItsNativeBaselines()
    {
        using var response = await _client.GetAsync("/swagger/v1/swagger.json");

        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var schemas = json.RootElement.GetProperty("components").GetProperty("schemas");
        string[] Properties(string schema) => [.. schemas.GetProperty(schema).GetProperty("properties").EnumerateObject().Select(p => p.Name)];

        Assert.Contains("nativeBaselines", Properties("LeaderboardResponse"));
        Assert.Subset(new HashSet<string>(Properties("NativeBaselineResponse")), new HashSet<string> { "size", "method", "medianUs", "machines", "submissions" });
        Assert.Subset(new HashSet<string>(Properties("InstanceStartResponse")), new HashSet<string> { "medianUs", "p99Us", "kbPerLiveInstance", "instances" });
        Assert.Subset(new HashSet<string>(Properties("NativeStartResponse")), new HashSet<string> { "forkExecUs", "posixSpawnUs", "namespacedUs" });
        Assert.Contains("instanceStart", Properties("RuntimeResultResponse"));
        Assert.Contains("nativeStart", Properties("SubmissionResponse"));
        Assert.Contains("instance-density", json.RootElement.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownRoutesAreProblemDetails()
    {
        using var response = await _client.GetAsync("/api/v1/nothing-here");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
