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
        Assert.Equal(["200", "304", "404"], Responses("/api/v1/submissions/{id}", "get"));
        Assert.Equal(["200", "304", "404"], Responses("/api/v1/submissions/{id}/document", "get"));
        Assert.Equal(["200", "304", "400"], Responses("/api/v1/submissions", "get"));
        Assert.Equal(["200", "304", "400", "404"], Responses("/api/v1/submissions/{id}/samples", "get"));
        Assert.Equal(["200", "201", "400", "401", "413", "429"], Responses("/api/v1/keys", "post"));
        Assert.Equal(["200", "304", "404"], Responses("/api/v1/keys/{keyId}", "get"));
        Assert.Equal(["200", "201", "400", "401", "404", "409", "413", "429"], Responses("/api/v1/keys/{keyId}/rotate", "post"));
        Assert.Equal(["200", "400", "401", "404", "413", "429"], Responses("/api/v1/keys/{keyId}/revoke", "post"));
        Assert.Equal(["200", "304", "400", "404"], Responses("/api/v1/leaderboard", "get"));
        Assert.Equal(["200", "304", "400", "404"], Responses("/api/v1/cpus", "get"));
        Assert.Equal(["200", "304", "400", "404"], Responses("/api/v1/cpus/{key}", "get"));
        Assert.Equal(["200", "304", "400", "404"], Responses("/api/v1/runtimes", "get"));
        Assert.Equal(["200", "304", "400", "404"], Responses("/api/v1/runtimes/{id}", "get"));
        Assert.Equal(["200", "304", "400", "404"], Responses("/badges/{runtime}.svg", "get"));
        Assert.Equal(["200", "304", "400", "404"], Responses("/badges/{runtime}.json", "get"));
        Assert.Equal(["200", "304", "400", "404"], Responses("/api/v1/tradeoff", "get"));
        Assert.Equal(16, paths.EnumerateObject().Count(p => !p.Name.StartsWith("/api/v1/admin/", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task TheOpenApiDocumentDescribesEveryQueryEndpointAndItsParameters()
    {
        using var response = await _client.GetAsync("/swagger/v1/swagger.json");

        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var paths = json.RootElement.GetProperty("paths");
        string[] queries =
        [
            "/api/v1/submissions", "/api/v1/submissions/{id}/samples", "/api/v1/leaderboard", "/api/v1/cpus", "/api/v1/cpus/{key}",
            "/api/v1/runtimes", "/api/v1/runtimes/{id}", "/badges/{runtime}.svg", "/badges/{runtime}.json", "/api/v1/tradeoff",
        ];
        foreach (var path in queries)
        {
            var operation = paths.GetProperty(path).GetProperty("get");
            Assert.False(string.IsNullOrWhiteSpace(operation.GetProperty("summary").GetString()), path);
            Assert.False(string.IsNullOrWhiteSpace(operation.GetProperty("description").GetString()), path);
            Assert.All(operation.GetProperty("parameters").EnumerateArray(), p =>
            {
                var name = p.GetProperty("name").GetString()!;
                Assert.True(char.IsLower(name[0]), $"{path}: {name}");
                Assert.False(string.IsNullOrWhiteSpace(p.GetProperty("description").GetString()), $"{path}: {name}");
            });
        }

        string[] Parameters(string path) => [.. paths.GetProperty(path).GetProperty("get").GetProperty("parameters").EnumerateArray().Select(p => p.GetProperty("name").GetString()!)];
        Assert.Equal(["cursor", "limit", "runtime", "cpu", "keyId", "status", "format"], Parameters("/api/v1/submissions"));
        Assert.Subset(Parameters("/api/v1/leaderboard").ToHashSet(), new HashSet<string> { "category", "workload", "architecture", "virtualisation", "runtime", "version" });
        Assert.Equal(["runtime", "metric", "category", "cpu", "architecture", "arch", "style"], Parameters("/badges/{runtime}.svg"));
        Assert.Equal(["suite", "size", "weights", "like", "requests", "cpuMs", "cpu", "arch", "native"], Parameters("/api/v1/tradeoff"));
        string[] Content(string path) => [.. paths.GetProperty(path).GetProperty("get").GetProperty("responses").GetProperty("200").GetProperty("content").EnumerateObject().Select(c => c.Name)];
        Assert.Equal(["application/json", "text/csv"], Content("/api/v1/submissions"));
        Assert.Equal(["application/json", "text/csv"], Content("/api/v1/submissions/{id}/samples"));
        var problem = paths.GetProperty("/api/v1/submissions").GetProperty("get").GetProperty("responses").GetProperty("400").GetProperty("content");
        Assert.True(problem.TryGetProperty("application/problem+json", out _));
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
