namespace NearNative.Api.Infrastructure.RateLimits;

/// <summary>At most <see cref="PermitLimit"/> permits per fixed window of <see cref="Window"/>.</summary>
public sealed record WindowRule(int PermitLimit, TimeSpan Window);
