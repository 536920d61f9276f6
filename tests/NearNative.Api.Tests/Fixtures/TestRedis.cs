namespace NearNative.Api.Tests.Fixtures;

/// <summary>The Redis named by <c>NEARNATIVE_TEST_REDIS</c>; each user takes its own key prefix, so runs never meet.</summary>
public static class TestRedis
{
    public const string EnvironmentVariable = "NEARNATIVE_TEST_REDIS";

    public static string ConnectionString
    {
        get
        {
            var value = Environment.GetEnvironmentVariable(EnvironmentVariable);
            return string.IsNullOrWhiteSpace(value)
                ? throw new InvalidOperationException(
                    $"{EnvironmentVariable} is not set. The scale-out tests need a real Redis: run " +
                    $"`{EnvironmentVariable}=\"$(scripts/redis)\" dotnet test tests/NearNative.Api.Tests`.")
                : value;
        }
    }

    public static string NewKeyPrefix() => $"nearnative-test-{Guid.NewGuid():N}:";
}
