using System.Globalization;
using System.Net;
using System.Text.Json;
using NearNative.Api.Tests.Fixtures;

namespace NearNative.Api.Tests.Operations;

[Trait("Category", "Slow")]
public sealed class JsonLogTests
{
    [Fact]
    public async Task EveryLineTheApiLogsIsAJsonObjectWithItsStructuredState()
    {
        await using var database = await ScratchDatabase.CreateAsync();
        IReadOnlyList<string> lines;
        Uri address;
        await using (var api = await ApiProcess.StartAsync(new Dictionary<string, string?> { ["ConnectionStrings:Postgres"] = database.ConnectionString }))
        {
            using var client = api.CreateClient();
            using var live = await client.GetAsync("/health/live");
            Assert.Equal(HttpStatusCode.OK, live.StatusCode);
            lines = api.OutputLines;
            address = api.Address;
        }

        // Migrations and the host's start-up lines at least.
        Assert.True(lines.Count >= 3, string.Join('\n', lines));
        var entries = lines.Select(line => JsonDocument.Parse(line).RootElement).ToList();
        Assert.All(entries, entry =>
        {
            Assert.Equal(JsonValueKind.Object, entry.ValueKind);
            Assert.False(string.IsNullOrEmpty(entry.GetProperty("Category").GetString()));
            Assert.False(string.IsNullOrEmpty(entry.GetProperty("LogLevel").GetString()));
            Assert.False(string.IsNullOrEmpty(entry.GetProperty("Message").GetString()));
            var timestamp = DateTimeOffset.Parse(entry.GetProperty("Timestamp").GetString()!, CultureInfo.InvariantCulture);
            Assert.Equal(TimeSpan.Zero, timestamp.Offset);
        });
        var listening = Assert.Single(entries, e => e.GetProperty("State").TryGetProperty("address", out _));
        Assert.Equal(address, new Uri(listening.GetProperty("State").GetProperty("address").GetString()!));
    }
}
