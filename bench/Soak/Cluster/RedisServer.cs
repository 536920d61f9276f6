namespace NearNative.Soak.Cluster;

/// <summary>The Redis the two-instance scenario shares: <c>NEARNATIVE_TEST_REDIS</c> when set, else <c>scripts/redis</c> on the given port.</summary>
public static class RedisServer
{
    public static async Task<string> ConnectionStringAsync(string repository, int port)
    {
        var given = Environment.GetEnvironmentVariable("NEARNATIVE_TEST_REDIS");
        if (!string.IsNullOrWhiteSpace(given))
        {
            return given;
        }

        return await Shell.RunAsync(Path.Combine(repository, "scripts", "redis"), [], new Dictionary<string, string>
        {
            ["NEARNATIVE_REDIS_PORT"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["NEARNATIVE_REDIS_DATA"] = $"/tmp/nearnative-soak-redis-{port}",
        });
    }

    public static Task StopAsync(string repository, int port) =>
        string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable("NEARNATIVE_TEST_REDIS"))
            ? Shell.RunAsync(Path.Combine(repository, "scripts", "redis"), ["--stop"], new Dictionary<string, string>
            {
                ["NEARNATIVE_REDIS_PORT"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            })
            : Task.CompletedTask;
}
