using NearNative.Agent.Files;
using NearNative.Domain.Signing;
using NSec.Cryptography;

namespace NearNative.Agent.Submission;

/// <summary>The contributor's Ed25519 signing key: <c>key.pem</c> in the agent's home, readable by the owner only.</summary>
public sealed class KeyStore(string home)
{
    public const string FileName = "key.pem";

    public string PrivateKeyPath { get; } = Path.Combine(home, FileName);

    public bool Exists => File.Exists(PrivateKeyPath);

    /// <summary>Creates and stores a new key; refuses to replace an existing one unless <paramref name="force"/>.</summary>
    public Key Create(bool force)
    {
        if (Exists && !force)
        {
            throw AgentException.Usage($"a key already exists at {PrivateKeyPath}; pass --force to replace it");
        }

        var key = Ed25519Keys.Create();
        PrivateFile.Write(PrivateKeyPath, Ed25519Keys.ExportPrivate(key), overwrite: true);
        return key;
    }

    public Key Load()
    {
        if (!Exists)
        {
            throw AgentException.Usage("no signing key: run `nearnative keys init` first");
        }

        try
        {
            return Ed25519Keys.ImportPrivate(File.ReadAllBytes(PrivateKeyPath));
        }
        catch (FormatException)
        {
            throw AgentException.Usage($"{PrivateKeyPath} is not an Ed25519 private key; run `nearnative keys init --force` to make a new one");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw AgentException.Usage($"cannot read {PrivateKeyPath}: {e.Message}");
        }
    }

    /// <summary>The id of the stored key, or null when there is none (or it cannot be read).</summary>
    public string? TryGetKeyId()
    {
        if (!Exists)
        {
            return null;
        }

        try
        {
            using var key = Load();
            return Ed25519Keys.KeyIdOf(key);
        }
        catch (AgentException)
        {
            return null;
        }
    }
}
