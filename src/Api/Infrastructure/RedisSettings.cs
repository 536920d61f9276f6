namespace NearNative.Api.Infrastructure;

/// <summary>Where this deployment's keys live in a Redis that other deployments may share.</summary>
public sealed class RedisSettings
{
    public string KeyPrefix { get; set; } = "nearnative:";
}
