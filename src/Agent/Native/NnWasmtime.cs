using System.Globalization;

namespace NearNative.Agent.Native;

/// <summary>
/// The lean Wasmtime host (<c>nn-wasmtime.c</c> next to this file): plain C over the C API of the <c>libwasmtime.so</c>
/// the Wasmtime package ships, so a measured Wasmtime process holds Wasmtime and a minimal host, not the .NET agent.
/// </summary>
public sealed class NnWasmtime
{
    public const string FileName = "nn-wasmtime";

    /// <summary>SHA-256 of the committed x86-64 binary, as <c>src/Agent/Native/build</c> prints it; any other file is refused.</summary>
    public const string Sha256X64 = "a99ecf4544860b09f06a6fc36e6390d2e146b0f9ba9cd2c1112a709c27504b39";

    /// <summary>SHA-256 of the committed aarch64 binary.</summary>
    public const string Sha256Arm64 = "6d96d559319d68889c4c427656c5a4a303dd209a16c35920a2bcf46cc6da4274";

    public static PinnedHashes Pinned { get; } = new(Sha256X64, Sha256Arm64);

    public const string PreopenCwdOption = "--preopen-cwd";
    public const string PrecompiledOption = "--precompiled";
    public const string TargetOption = "--target";

    /// <summary>Phase of a precompiled module: deserializing what <c>compile</c> wrote, in place of compiling.</summary>
    public const string LoadPhase = "load";

    private NnWasmtime(string path) => Path = path;

    public string Path { get; }

    /// <summary>The verified host in <paramref name="directory"/>, or null with the reason it cannot be used.</summary>
    public static NnWasmtime? Locate(string directory, out string? problem) =>
        PinnedBinary.Locate(directory, FileName, Pinned, out problem) is { } path ? new NnWasmtime(path) : null;

    /// <summary>Arguments of <c>nn-wasmtime run</c> for one module and its arguments.</summary>
    public static IReadOnlyList<string> RunArguments(string module, IReadOnlyList<string> arguments, bool preopen, string? target, bool precompiled) =>
    [
        "run",
        .. preopen ? [PreopenCwdOption] : Array.Empty<string>(),
        .. TargetArguments(target),
        .. precompiled ? [PrecompiledOption] : Array.Empty<string>(),
        module,
        "--",
        .. arguments,
    ];

    /// <summary>Arguments of <c>nn-wasmtime compile</c>: serialize <paramref name="module"/> to <paramref name="output"/>.</summary>
    public static IReadOnlyList<string> CompileArguments(string module, string output, string? target) =>
        ["compile", .. TargetArguments(target), module, output];

    /// <summary>Arguments of <c>nn-wasmtime instances</c>: the start of instances of one module in one running host.</summary>
    public static IReadOnlyList<string> InstancesArguments(string module, int warmup, int count, int live, IReadOnlyList<string> arguments, string? target, bool precompiled) =>
    [
        "instances",
        .. TargetArguments(target),
        .. precompiled ? [PrecompiledOption] : Array.Empty<string>(),
        module,
        .. new[] { warmup, count, live }.Select(n => n.ToString(CultureInfo.InvariantCulture)),
        .. arguments,
    ];

    /// <summary>Arguments of <c>nn-wasmtime check</c>: the library loads and accepts the target.</summary>
    public static IReadOnlyList<string> CheckArguments(string? target) => ["check", .. TargetArguments(target)];

    private static string[] TargetArguments(string? target) => target is null ? [] : [TargetOption, target];
}
