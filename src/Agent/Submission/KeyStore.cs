using NearNative.Agent.Files;
using NearNative.Domain.Signing;
using NSec.Cryptography;

namespace NearNative.Agent.Submission;

/// <summary>
/// The contributor's Ed25519 signing key: <c>key.pem</c> in the agent's home, readable by the owner only. During
/// a rotation the successor waits in <c>key.next.pem</c> until the server has accepted it, and the key it
/// replaced is kept in <c>key.retired.pem</c> (it can still revoke itself).
/// </summary>
public sealed class KeyStore(string home)
{
    public const string FileName = "key.pem";
    public const string NextFileName = "key.next.pem";
    public const string RetiredFileName = "key.retired.pem";

    public string PrivateKeyPath { get; } = Path.Combine(home, FileName);

    public string NextKeyPath { get; } = Path.Combine(home, NextFileName);

    public string RetiredKeyPath { get; } = Path.Combine(home, RetiredFileName);

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

        return Import(PrivateKeyPath, "run `nearnative keys init --force` to make a new one");
    }

    /// <summary>
    /// The successor of a rotation: the one a previous, unfinished rotation made, so that trying again hands
    /// over to the same key; otherwise a new one.
    /// </summary>
    public Key LoadOrCreateNext()
    {
        if (File.Exists(NextKeyPath))
        {
            return Import(NextKeyPath, "delete it and run `nearnative keys rotate` again");
        }

        var key = Ed25519Keys.Create();
        PrivateFile.Write(NextKeyPath, Ed25519Keys.ExportPrivate(key), overwrite: false);
        return key;
    }

    /// <summary>
    /// After the server accepted the rotation: the current key moves to <c>key.retired.pem</c> and the successor
    /// becomes <c>key.pem</c>. Each step is a rename or an owner-only write, and stopping between them leaves a
    /// state from which running the rotation again completes it.
    /// </summary>
    public void PromoteNext()
    {
        PrivateFile.Write(RetiredKeyPath, File.ReadAllBytes(PrivateKeyPath), overwrite: true);
        File.Move(NextKeyPath, PrivateKeyPath, overwrite: true);
    }

    private static Key Import(string path, string remedy)
    {
        try
        {
            return Ed25519Keys.ImportPrivate(File.ReadAllBytes(path));
        }
        catch (FormatException)
        {
            throw AgentException.Usage($"{path} is not an Ed25519 private key; {remedy}");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw AgentException.Usage($"cannot read {path}: {e.Message}");
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
