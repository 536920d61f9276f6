using NearNative.Agent.Machine;

namespace NearNative.Agent.Tests.Machine;

public sealed class ProcCpuInfoTests
{
    private const string IntelVm = """
        processor	: 0
        vendor_id	: GenuineIntel
        cpu family	: 6
        model		: 85
        model name	: Intel(R) Xeon(R) Platinum 8259CL CPU @ 2.50GHz
        stepping	: 7
        flags		: fpu vme de pse tsc msr pae sse sse2 hypervisor lahf_lm

        processor	: 1
        vendor_id	: GenuineIntel
        cpu family	: 6
        model		: 85
        model name	: Intel(R) Xeon(R) Platinum 8259CL CPU @ 2.50GHz
        stepping	: 7
        flags		: fpu vme de pse tsc msr pae sse sse2 hypervisor lahf_lm

        """;

    private const string AmdBareMetal = """
        processor	: 0
        vendor_id	: AuthenticAMD
        cpu family	: 25
        model		: 33
        model name	: AMD Ryzen 9 5950X 16-Core Processor
        stepping	: 0
        flags		: fpu vme de pse tsc msr pae sse sse2 svm

        """;

    [Fact]
    public void ReadsVendorBrandAndSignatureOfTheFirstProcessor()
    {
        var cpu = ProcCpuInfo.Parse(IntelVm);

        Assert.Equal("GenuineIntel", cpu.Vendor);
        Assert.Equal("Intel(R) Xeon(R) Platinum 8259CL CPU @ 2.50GHz", cpu.Brand);
        Assert.Equal((6, 85, 7), (cpu.Family!.Value, cpu.Model!.Value, cpu.Stepping!.Value));
    }

    [Fact]
    public void CountsEveryProcessorAsALogicalCore()
    {
        Assert.Equal(2, ProcCpuInfo.Parse(IntelVm).LogicalCores);
        Assert.Equal(1, ProcCpuInfo.Parse(AmdBareMetal).LogicalCores);
    }

    [Fact]
    public void SeesTheHypervisorFlagOnlyWhenItIsThere()
    {
        Assert.True(ProcCpuInfo.Parse(IntelVm).HypervisorFlag);
        Assert.False(ProcCpuInfo.Parse(AmdBareMetal).HypervisorFlag);
    }

    [Fact]
    public void MissingFieldsAreUnknownRatherThanAnError()
    {
        var cpu = ProcCpuInfo.Parse("processor\t: 0\nBogoMIPS\t: 50.00\n");

        Assert.Equal(SystemFiles.Unknown, cpu.Vendor);
        Assert.Equal(SystemFiles.Unknown, cpu.Brand);
        Assert.Null(cpu.Family);
        Assert.Null(cpu.Stepping);
    }
}
