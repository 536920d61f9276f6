using System.Runtime.InteropServices;
using NearNative.Domain.Cpu;
using NearNative.Domain.Results;

namespace NearNative.Agent.Machine;

/// <summary>
/// Describes this machine for the result document: CPU, operating system, memory and a salted id.
/// Privacy: nothing here may carry a hostname, user name, address or path.
/// </summary>
public static class MachineDetector
{
    public static MachineInfo Detect(string home)
    {
        var cpu = ProcCpuInfo.Parse(SystemFiles.TryRead("/proc/cpuinfo") ?? "");
        var virtualization = Virtualization.Detect(
            cpu.HypervisorFlag,
            SystemFiles.TryRead("/sys/hypervisor/type"),
            SystemFiles.TryRead("/sys/class/dmi/id/sys_vendor"),
            SystemFiles.TryRead("/sys/class/dmi/id/product_name"));
        var osMachineId = SystemFiles.TryRead("/etc/machine-id") ?? SystemFiles.TryRead("/var/lib/dbus/machine-id") ?? "";

        return new MachineInfo(
            MachineIdentity.Compute(MachineSalt.GetOrCreate(home), osMachineId),
            new CpuInfo(
                Architecture(RuntimeInformation.OSArchitecture),
                cpu.Vendor,
                cpu.Brand,
                cpu.Family,
                cpu.Model,
                cpu.Stepping,
                cpu.LogicalCores,
                virtualization),
            new OsInfo(
                OperatingSystemName(),
                OsRelease.Distribution(SystemFiles.TryRead("/etc/os-release")),
                SystemFiles.TryRead("/proc/sys/kernel/osrelease")?.Trim() is { Length: > 0 } kernel ? kernel : SystemFiles.Unknown),
            ProcMemInfo.TotalBytes(SystemFiles.TryRead("/proc/meminfo")));
    }

    /// <summary>The names <c>uname -m</c> uses, which is what people search for.</summary>
    public static string Architecture(System.Runtime.InteropServices.Architecture architecture) => architecture switch
    {
        System.Runtime.InteropServices.Architecture.X64 => "x86_64",
        System.Runtime.InteropServices.Architecture.X86 => "i686",
        System.Runtime.InteropServices.Architecture.Arm64 => "aarch64",
        System.Runtime.InteropServices.Architecture.Arm => "armv7l",
        System.Runtime.InteropServices.Architecture.RiscV64 => "riscv64",
        _ => architecture.ToString().ToLowerInvariant(),
    };

    private static string OperatingSystemName() =>
        OperatingSystem.IsLinux() ? "linux"
        : OperatingSystem.IsMacOS() ? "macos"
        : OperatingSystem.IsWindows() ? "windows"
        : OperatingSystem.IsFreeBSD() ? "freebsd"
        : SystemFiles.Unknown;
}
