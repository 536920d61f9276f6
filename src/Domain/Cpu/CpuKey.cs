using System.Globalization;
using System.Text.RegularExpressions;
using NearNative.Domain.Results;

namespace NearNative.Domain.Cpu;

/// <summary>
/// The identity machines are grouped by: architecture / vendor / normalized brand / family-model-stepping /
/// virtualisation. Bare metal and virtual machines never share a key.
/// </summary>
public static partial class CpuKey
{
    public const string BareMetal = "none";
    public const string GenericVirtual = "vm";
    public const int MaxLength = 200;

    /// <summary>The x86-64 architecture as a key names it: what a badge shows when no architecture is asked for.</summary>
    public const string DefaultArchitecture = "x86_64";

    public static string For(CpuInfo cpu)
    {
        var architecture = Token(cpu.Architecture);
        var vendor = Token(cpu.Vendor);
        var brand = CpuBrand.Normalize(cpu.Brand);
        var signature = cpu.Family is { } family && cpu.Model is { } model
            ? string.Create(CultureInfo.InvariantCulture, $"{family}-{model}-{cpu.Stepping?.ToString(CultureInfo.InvariantCulture) ?? "x"}")
            : "x";
        var key = $"{architecture}/{vendor}/{brand}/{signature}/{Virtualization(cpu)}";
        return key.Length <= MaxLength ? key : key[..MaxLength];
    }

    /// <summary>What the key says about virtualisation: the reported hypervisor, or <c>vm</c> for a synthetic brand on "bare metal".</summary>
    public static string Virtualization(CpuInfo cpu)
    {
        var reported = Token(cpu.Virtualization);
        if (reported is "unknown" or "" or BareMetal)
        {
            return CpuBrand.IsSynthetic(cpu.Brand) ? GenericVirtual : BareMetal;
        }

        return reported;
    }

    public static bool IsVirtual(CpuInfo cpu) => Virtualization(cpu) != BareMetal;

    /// <summary>A key's architecture: its first segment, e.g. <c>x86_64</c> or <c>aarch64</c>.</summary>
    public static string ArchitectureOf(string key) => key.Split('/')[0];

    /// <summary>A key's virtualisation: its last segment, <c>none</c> for bare metal.</summary>
    public static string VirtualisationOf(string key) => key[(key.LastIndexOf('/') + 1)..];

    private static string Token(string value)
    {
        var token = NonToken().Replace(value.Trim().ToLowerInvariant(), "-").Trim('-');
        return token.Length == 0 ? "unknown" : token;
    }

    [GeneratedRegex(@"[^a-z0-9_]+")]
    private static partial Regex NonToken();
}
