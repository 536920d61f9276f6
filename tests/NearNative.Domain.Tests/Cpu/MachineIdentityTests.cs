using NearNative.Domain.Cpu;

namespace NearNative.Domain.Tests.Cpu;

public sealed class MachineIdentityTests
{
    private const string OsMachineId = "3d1219c7c4c5404aaa1f6d2a48adfda4";

    [Fact]
    public void SameSaltAndMachineGiveTheSameId() =>
        Assert.Equal(MachineIdentity.Compute(new byte[32], OsMachineId), MachineIdentity.Compute(new byte[32], OsMachineId + "\n"));

    [Fact]
    public void AnotherSaltGivesAnUnrelatedId()
    {
        var salt = new byte[32];
        salt[0] = 1;

        Assert.NotEqual(MachineIdentity.Compute(new byte[32], OsMachineId), MachineIdentity.Compute(salt, OsMachineId));
    }

    [Fact]
    public void IdIsAHashThatDoesNotContainTheOperatingSystemsId()
    {
        var id = MachineIdentity.Compute(new byte[32], OsMachineId);

        Assert.True(MachineIdentity.IsWellFormed(id));
        Assert.DoesNotContain(OsMachineId, id, StringComparison.Ordinal);
    }
}
