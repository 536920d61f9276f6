using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace NearNative.Api.Infrastructure;

/// <summary>
/// How long a client may take to send a request, so a client that trickles bytes cannot hold a connection for long:
/// the headers within <see cref="HeadersTimeout"/> (the server answers 408 or closes), and the body at no less than
/// <see cref="MinBodyBytesPerSecond"/> once <see cref="BodyGracePeriod"/> has passed (408 problem details). A 1 MiB
/// submission thus arrives within about 17 minutes or not at all; the agent's arrive in seconds.
/// </summary>
public static class ConnectionLimits
{
    public static readonly TimeSpan HeadersTimeout = TimeSpan.FromSeconds(10);

    public const double MinBodyBytesPerSecond = 1024;

    public static readonly TimeSpan BodyGracePeriod = TimeSpan.FromSeconds(5);

    public static WebApplicationBuilder AddConnectionLimits(this WebApplicationBuilder builder)
    {
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Limits.RequestHeadersTimeout = HeadersTimeout;
            kestrel.Limits.MinRequestBodyDataRate = new MinDataRate(MinBodyBytesPerSecond, BodyGracePeriod);
        });
        return builder;
    }
}
