using System.Diagnostics.Metrics;

namespace NearNative.Api.Infrastructure.Telemetry;

/// <summary>The meter of the API's own measurements, next to ASP.NET Core's request metrics on <c>/metrics</c>.</summary>
public static class ApiMeter
{
    public const string Name = "NearNative.Api";

    /// <summary>
    /// A counter on this container's meter. OpenTelemetry still collects meters by name across the process, so two
    /// hosts in one process (tests) see each other's counts; one process serves one host in production.
    /// </summary>
    public static Counter<long> Counter(IMeterFactory meters, string name, string unit, string description) =>
        meters.Create(Name).CreateCounter<long>(name, unit, description);
}
