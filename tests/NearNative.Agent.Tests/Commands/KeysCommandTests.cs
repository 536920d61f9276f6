using NearNative.Agent.Submission;
using NearNative.Agent.Tests.Support;
using NearNative.Domain.Signing;

namespace NearNative.Agent.Tests.Commands;

public sealed class KeysCommandTests
{
    [Fact]
    public async Task KeysInitCreatesAnOwnerOnlyKeyFileAndPrintsItsId()
    {
        using var home = new TempDirectory();

        var result = await CliRun.InvokeAsync(home.Path, "keys", "init");

        Assert.Equal(ExitCodes.Ok, result.ExitCode);
        var path = Path.Combine(home.Path, KeyStore.FileName);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        using var key = Ed25519Keys.ImportPrivate(File.ReadAllBytes(path));
        Assert.Equal(Ed25519Keys.KeyIdOf(key), result.Out.Trim());
        Assert.True(KeyId.IsWellFormed(result.Out.Trim()));
    }

    [Fact]
    public async Task KeysInitRefusesToOverwriteAnExistingKey()
    {
        using var home = new TempDirectory();
        await CliRun.InvokeAsync(home.Path, "keys", "init");
        var before = File.ReadAllBytes(Path.Combine(home.Path, KeyStore.FileName));

        var result = await CliRun.InvokeAsync(home.Path, "keys", "init");

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains("--force", Assert.Single(result.ErrorLines), StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllBytes(Path.Combine(home.Path, KeyStore.FileName)));
    }

    [Fact]
    public async Task KeysInitWithForceReplacesTheKey()
    {
        using var home = new TempDirectory();
        var first = await CliRun.InvokeAsync(home.Path, "keys", "init");

        var second = await CliRun.InvokeAsync(home.Path, "keys", "init", "--force");

        Assert.Equal(ExitCodes.Ok, second.ExitCode);
        Assert.NotEqual(first.Out, second.Out);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(home.Path, KeyStore.FileName)));
    }

    [Fact]
    public async Task TheHomeDirectoryIsCreatedOwnerOnly()
    {
        using var parent = new TempDirectory();
        var home = Path.Combine(parent.Path, "nested", "home");

        await CliRun.InvokeAsync(home, "keys", "init");

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(home));
    }
}
