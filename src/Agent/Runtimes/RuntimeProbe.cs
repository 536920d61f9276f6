using NearNative.Domain.Results;

namespace NearNative.Agent.Runtimes;

/// <summary>The outcome of looking for a runtime: its identity as it will run, or why it is skipped.</summary>
public sealed record RuntimeProbe(RuntimeInfo? Info, string? SkipReason)
{
    public static RuntimeProbe Available(RuntimeInfo info) => new(info, null);

    public static RuntimeProbe Unavailable(string reason) => new(null, reason);
}
