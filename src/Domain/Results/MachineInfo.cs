namespace NearNative.Domain.Results;

/// <param name="MachineId">Salted hash; never a hostname or any other identifying text.</param>
public sealed record MachineInfo(string MachineId, CpuInfo Cpu, OsInfo Os, long MemoryBytes);

/// <param name="Virtualization"><c>none</c> on bare metal, else the hypervisor (<c>kvm</c>, <c>vmware</c>, …) or <c>vm</c>.</param>
public sealed record CpuInfo(
    string Architecture,
    string Vendor,
    string Brand,
    int? Family,
    int? Model,
    int? Stepping,
    int LogicalCores,
    string Virtualization);

public sealed record OsInfo(string Name, string Distribution, string Kernel);
