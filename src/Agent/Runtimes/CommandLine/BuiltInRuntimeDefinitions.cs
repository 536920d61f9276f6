namespace NearNative.Agent.Runtimes.CommandLine;

/// <summary>
/// Command templates for the WebAssembly runtimes people install as programs. Each is used when its executable
/// is on PATH; none is downloaded by the agent. Syntax as documented by each project (see docs/runtimes.md).
/// </summary>
public static class BuiltInRuntimeDefinitions
{
    private const string Version = @"v?([0-9]+\.[0-9]+[0-9A-Za-z.+-]*)";

    public static IReadOnlyList<RuntimeDefinition> All { get; } =
    [
        // The CLI is named apart from the embedded engine, which keeps the slug "wasmtime".
        new()
        {
            Name = "wasmtime-cli",
            Executable = "wasmtime",
            VersionPattern = @"wasmtime(?:-cli)?\s+" + Version,
            Run = ["run", RuntimeDefinition.PreopenPlaceholder, RuntimeDefinition.ModulePlaceholder, RuntimeDefinition.ArgumentsPlaceholder],
            Preopen = ["--dir", "."],
            Install = "curl https://wasmtime.dev/install.sh -sSf | bash, or a release archive from github.com/bytecodealliance/wasmtime",
        },
        new()
        {
            Name = "wasmer",
            Executable = "wasmer",
            VersionPattern = @"wasmer\s+" + Version,
            Run = ["run", RuntimeDefinition.PreopenPlaceholder, RuntimeDefinition.ModulePlaceholder, RuntimeDefinition.ArgumentsPlaceholder],
            Preopen = ["--dir", "."],
            Install = "curl https://get.wasmer.io -sSfL | sh, or a release archive from github.com/wasmerio/wasmer",
        },
        // WasmEdge's default for a module that was not compiled ahead of time is its interpreter.
        new()
        {
            Name = "wasmedge",
            Executable = "wasmedge",
            VersionPattern = @"wasmedge version\s+" + Version,
            Run = [RuntimeDefinition.PreopenPlaceholder, RuntimeDefinition.ModulePlaceholder, RuntimeDefinition.ArgumentsPlaceholder],
            Preopen = ["--dir", ".:."],
            Interpreter = true,
            Install = "the installer or release archive from github.com/WasmEdge/WasmEdge",
        },
        // WAMR's iwasm, as usually built: the fast interpreter, without SIMD.
        new()
        {
            Name = "iwasm",
            Executable = "iwasm",
            VersionPattern = @"iwasm\s+" + Version,
            Run = [RuntimeDefinition.PreopenPlaceholder, RuntimeDefinition.ModulePlaceholder, RuntimeDefinition.ArgumentsPlaceholder],
            Preopen = ["--dir=."],
            Simd = false,
            Interpreter = true,
            Install = "build product-mini/platforms/linux from github.com/bytecodealliance/wasm-micro-runtime (or a release archive)",
        },
        // wasm3 is an interpreter without SIMD; it preopens the current directory by itself.
        new()
        {
            Name = "wasm3",
            Executable = "wasm3",
            VersionPattern = @"[Ww]asm3\s+" + Version,
            Run = [RuntimeDefinition.ModulePlaceholder, RuntimeDefinition.ArgumentsPlaceholder],
            Simd = false,
            Interpreter = true,
            Install = "build from github.com/wasm3/wasm3 (cmake), or a release binary",
        },
        new()
        {
            Name = "wazero",
            Executable = "wazero",
            VersionArgs = ["version"],
            VersionPattern = Version,
            Run = ["run", RuntimeDefinition.PreopenPlaceholder, RuntimeDefinition.ModulePlaceholder, RuntimeDefinition.ArgumentsPlaceholder],
            Preopen = ["-mount=.:."],
            Install = "go install github.com/tetratelabs/wazero/cmd/wazero@latest",
        },
    ];
}
