using System.Security.Cryptography;
using System.Text;

namespace NearNative.Domain.Cpu;

/// <summary>
/// A machine id that says nothing about the machine: SHA-256 over a context string, a random salt that
/// never leaves the machine, and the operating system's own machine id.
/// </summary>
public static class MachineIdentity
{
    public const int SaltLength = 32;
    public const int Length = 64;

    public static string Compute(ReadOnlySpan<byte> salt, string osMachineId)
    {
        var context = Encoding.ASCII.GetBytes("nearnative/machine/v1");
        var id = Encoding.UTF8.GetBytes(osMachineId.Trim());
        var input = new byte[context.Length + salt.Length + id.Length];
        context.CopyTo(input, 0);
        salt.CopyTo(input.AsSpan(context.Length));
        id.CopyTo(input, context.Length + salt.Length);
        return Convert.ToHexStringLower(SHA256.HashData(input));
    }

    public static bool IsWellFormed(string? value) =>
        value is { Length: Length } && value.All(c => char.IsAsciiDigit(c) || c is >= 'a' and <= 'f');
}
