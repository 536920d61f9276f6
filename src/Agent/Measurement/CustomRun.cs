using System.Diagnostics;
using System.Security.Cryptography;
using NearNative.Agent.Files;
using NearNative.Agent.Suite;
using NearNative.Domain.Results;
using NearNative.Domain.Suite;

namespace NearNative.Agent.Measurement;

/// <summary>
/// A user's own program, checked before anything is measured: both files exist, the module is hashed (its SHA-256
/// marks the document), and one reference run of the native build gives the stdout checksum every sample must match.
/// </summary>
public sealed class CustomRun
{
    private CustomRun(CustomProgram program, string wasmSha256, LoadedSuite suite)
    {
        Program = program;
        WasmSha256 = wasmSha256;
        Suite = suite;
    }

    public CustomProgram Program { get; }

    public string WasmSha256 { get; }

    /// <summary>An empty suite, only so runtimes can be probed; no suite artifact is run.</summary>
    public LoadedSuite Suite { get; }

    public static CustomRun Open(CustomProgram program)
    {
        foreach (var (option, path) in new[] { ("--wasm", program.WasmPath), ("--native", program.NativePath) })
        {
            if (!File.Exists(path))
            {
                throw AgentException.Usage($"{option}: no such file {path}");
            }
        }

        using var module = File.OpenRead(program.WasmPath);
        var sha = Convert.ToHexStringLower(SHA256.HashData(module));
        var manifest = new SuiteManifest(SuiteReference.CustomId, new Dictionary<string, string>(), new Dictionary<string, IReadOnlyList<string>>(), []);
        return new CustomRun(program, sha, new LoadedSuite(Path.GetDirectoryName(program.WasmPath)!, manifest));
    }

    /// <summary>Runs the native build once, as a sample would run, and returns the checksum of what it printed.</summary>
    public async Task<string> ReferenceChecksumAsync(MeasuredLauncher launcher, string scratchRoot, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var scratch = ScratchDirectory.Create(scratchRoot);
        var startInfo = new ProcessStartInfo(Program.NativePath, Program.Arguments) { WorkingDirectory = scratch.Path };
        var result = await launcher.RunAsync(startInfo, timeout, cancellationToken);
        if (result.TimedOut || result.ExitCode != 0)
        {
            var why = result.TimedOut ? "timed out" : $"exit code {result.ExitCode?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none"}";
            throw new AgentException(ExitCodes.RuntimeError, $"the native program failed its reference run ({why}); nothing was measured");
        }

        return SampleClassifier.StdoutChecksum(result.Stdout);
    }
}
