using System.Security.Cryptography;
using NearNative.Agent.Files;
using NearNative.Domain.Cpu;

namespace NearNative.Agent.Machine;

/// <summary>
/// The random salt of the machine id, created once in the agent's home and never sent anywhere, so the
/// published id cannot be linked to the operating system's machine id.
/// </summary>
public static class MachineSalt
{
    public const string FileName = "salt";

    public static byte[] GetOrCreate(string home)
    {
        var path = Path.Combine(home, FileName);
        if (File.Exists(path))
        {
            var existing = File.ReadAllBytes(path);
            if (existing.Length == MachineIdentity.SaltLength)
            {
                return existing;
            }
        }

        var salt = RandomNumberGenerator.GetBytes(MachineIdentity.SaltLength);
        PrivateFile.Write(path, salt, overwrite: true);
        return salt;
    }
}
