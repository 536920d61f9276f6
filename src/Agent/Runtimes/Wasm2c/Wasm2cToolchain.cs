using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using NearNative.Agent.Measurement;

namespace NearNative.Agent.Runtimes.Wasm2c;

/// <summary>
/// What compiling a module with wasm2c needs, found on this machine: the translator, WABT's runtime support
/// (<c>wasm-rt-impl.c</c>, <c>wasm-rt.h</c>), a clang, and our own glue shipped next to the agent.
/// </summary>
public sealed partial record Wasm2cToolchain(
    string Wasm2c,
    string Wasm2cVersion,
    string RuntimeSupportDirectory,
    IReadOnlyList<string> IncludeDirectories,
    string Compiler,
    string CompilerName,
    string CompilerVersion,
    string GlueDirectory)
{
    /// <summary>The generated code's naming (<c>Z_module_instance_t</c>, <c>Z_moduleZ__start</c>) that main.c is written for.</summary>
    public const string SupportedWasm2cVersion = "1.0.32";

    public const string InstallHint = "apt-get install wabt clang-14 (Debian 12; WABT 1.0.32 ships wasm2c and its runtime support)";

    public static readonly IReadOnlyList<string> GlueFiles = ["main.c", "wasi.c", "wasi_fs.c", "wasi.h", "wasi_internal.h"];

    /// <summary>Same optimisation level as the native baseline and the wasm builds; generic x86-64 target, as there.</summary>
    public static readonly IReadOnlyList<string> CompilerFlags = ["-O2"];

    private static readonly TimeSpan VersionTimeout = TimeSpan.FromSeconds(20);

    public static string DefaultGlueDirectory => Path.Combine(AppContext.BaseDirectory, "wasm2c");

    /// <summary>The toolchain, or one line saying what is missing.</summary>
    public static async Task<(Wasm2cToolchain? Toolchain, string? Missing)> FindAsync(string glueDirectory, CancellationToken cancellationToken)
    {
        if (ExecutableSearch.Find("wasm2c") is not { } wasm2c)
        {
            return (null, "wasm2c is not on PATH (" + InstallHint + ")");
        }

        // clang-14 is the suite's compiler; any clang is accepted and recorded.
        var compilerName = ExecutableSearch.Find("clang-14") is not null ? "clang-14" : "clang";
        if (ExecutableSearch.Find(compilerName) is not { } compiler)
        {
            return (null, "neither clang-14 nor clang is on PATH (" + InstallHint + ")");
        }

        var wasm2cVersion = (await VersionOutputAsync(wasm2c, cancellationToken)).Trim();
        if (wasm2cVersion != SupportedWasm2cVersion)
        {
            return (null, $"wasm2c {Display(wasm2cVersion)} is not supported: the agent's glue is written for WABT {SupportedWasm2cVersion}'s generated names");
        }

        var prefix = Path.GetDirectoryName(Path.GetDirectoryName(wasm2c)) ?? "/usr";
        var supportDirectory = new[] { Path.Combine(prefix, "share", "wabt", "wasm2c"), "/usr/share/wabt/wasm2c", "/usr/local/share/wabt/wasm2c" }
            .FirstOrDefault(d => File.Exists(Path.Combine(d, "wasm-rt-impl.c")));
        if (supportDirectory is null)
        {
            return (null, $"wasm2c's runtime support wasm-rt-impl.c was not found under {prefix}/share/wabt/wasm2c ({InstallHint})");
        }

        var header = new[] { supportDirectory, Path.Combine(prefix, "include"), "/usr/include", "/usr/local/include" }
            .FirstOrDefault(d => File.Exists(Path.Combine(d, "wasm-rt.h")));
        if (header is null)
        {
            return (null, $"wasm2c's header wasm-rt.h was not found ({InstallHint})");
        }

        if (GlueFiles.FirstOrDefault(f => !File.Exists(Path.Combine(glueDirectory, f))) is { } missingGlue)
        {
            return (null, $"the agent's wasm2c glue {missingGlue} is missing next to the agent");
        }

        var compilerOutput = await VersionOutputAsync(compiler, cancellationToken);
        var compilerVersion = ClangVersion().Match(compilerOutput) is { Success: true } m ? m.Groups[1].Value : "";
        if (compilerVersion.Length == 0)
        {
            return (null, $"`{compilerName} --version` printed no clang version");
        }

        return (new Wasm2cToolchain(wasm2c, wasm2cVersion, supportDirectory, [.. new[] { supportDirectory, header }.Distinct()], compiler, compilerName,
            compilerVersion, glueDirectory), null);
    }

    /// <summary>
    /// Changes whenever anything that shapes the executable changes: translator, compiler, flags, runtime support,
    /// our glue. A cached build with another key is rebuilt.
    /// </summary>
    public string BuildKey()
    {
        var text = new StringBuilder()
            .AppendLine(Wasm2cVersion)
            .AppendLine(CompilerName + " " + CompilerVersion)
            .AppendLine(string.Join(' ', CompilerFlags));
        foreach (var file in GlueFiles.Select(f => Path.Combine(GlueDirectory, f)).Append(Path.Combine(RuntimeSupportDirectory, "wasm-rt-impl.c")))
        {
            text.AppendLine(Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(file))));
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    private static async Task<string> VersionOutputAsync(string executable, CancellationToken cancellationToken)
    {
        var result = await ProcessRunner.RunAsync(new ProcessStartInfo(executable, ["--version"]), VersionTimeout, null, cancellationToken);
        return result.ExitCode == 0 ? result.Stdout : "";
    }

    private static string Display(string version) => version.Length == 0 ? "(no version)" : version;

    [GeneratedRegex(@"clang version\s+([0-9][0-9.]*)")]
    private static partial Regex ClangVersion();
}
