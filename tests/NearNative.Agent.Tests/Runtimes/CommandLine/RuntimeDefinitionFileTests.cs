using NearNative.Agent.Runtimes;
using NearNative.Agent.Runtimes.CommandLine;
using NearNative.Agent.Tests.Support;

namespace NearNative.Agent.Tests.Runtimes.CommandLine;

public sealed class RuntimeDefinitionFileTests
{
    private const string Valid = """
        {
          // comments are allowed
          "runtimes": [
            {
              "name": "myvm",
              "configuration": "fast",
              "executable": "/opt/myvm/bin/myvm",
              "versionArgs": ["-V"],
              "versionPattern": "myvm ([0-9.]+)",
              "run": ["exec", "--opt", "{preopen}", "{module}", "{args}"],
              "preopen": ["--map", "{cwd}:."],
              "simd": false,
              "interpreter": true,
              "settings": { "opt": "fast" },
              "install": "see myvm.example"
            }
          ]
        }
        """;

    private static AgentContext Context(string home) =>
        new(TextWriter.Null, TextWriter.Null, home, null, AgentExecutable.Current());

    [Fact]
    public void AValidFileAddsItsRuntimesAfterTheBuiltInOnes()
    {
        using var home = new TempDirectory();
        File.WriteAllText(home.File(RuntimeDefinitionFile.DefaultFileName), Valid);

        var catalog = RuntimeCatalog.All(Context(home.Path), runtimeFile: null);

        var mine = Assert.IsType<CommandLineRuntime>(catalog[^1]);
        Assert.Equal("myvm-fast-mvp", mine.Id);
        Assert.Equal("wasmMvp", mine.ArtifactKind);
        Assert.True(mine.IsInterpreter);
        Assert.Equal("see myvm.example", mine.InstallHint);
        var startInfo = mine.CreateStartInfo(new WorkloadInvocation("/s/a.mvp.wasm", ["quick"], "/scratch/1", Preopen: true));
        Assert.Equal(["exec", "--opt", "--map", "/scratch/1:.", "/s/a.mvp.wasm", "quick"], startInfo.ArgumentList);
    }

    [Fact]
    public void WithoutAFileTheCatalogIsTheBuiltInOne()
    {
        using var home = new TempDirectory();

        var ids = RuntimeCatalog.All(Context(home.Path), runtimeFile: null).Select(r => r.Id);

        Assert.Equal(
            ["native", "wasmtime", "wasmtime-precompiled", "wasmtime-dotnet", "wasmtime-pulley", "wasmtime-mvp", "node", "node-no-liftoff", "node-mvp", "jsc", "wasm2c-mvp", "wasmtime-cli", "wasmer", "wasmedge", "iwasm-mvp", "wasm3-mvp", "wazero"],
            ids);
    }

    [Theory]
    [InlineData("""{"runtimes":[{"name":"Bad Name","executable":"x","versionPattern":"(.*)","run":["{module}","{args}"]}]}""", "name 'Bad Name'")]
    [InlineData("""{"runtimes":[{"name":"x","executable":"x","versionPattern":"(.*)","run":["{module}"]}]}""", "{args} exactly once")]
    [InlineData("""{"runtimes":[{"name":"x","executable":"x","versionPattern":"no group","run":["{module}","{args}"]}]}""", "needs a group")]
    [InlineData("""{"runtimes":[{"name":"x","executable":"x","versionPattern":"(","run":["{module}","{args}"]}]}""", "is not a regular expression")]
    [InlineData("""{"runtimes":[{"name":"x","executable":"x","versionPattern":"(.*)","run":["{module}","{args}","{wat}"]}]}""", "unknown placeholder")]
    [InlineData("""{"runtimes":[{"name":"x","executable":"x","versionPattern":"(.*)","run":["{module}","{args}"],"preopen":["--dir"]}]}""", "no {preopen} token")]
    [InlineData("""{"runtimes":[{"name":"wasmer","executable":"x","versionPattern":"(.*)","run":["{module}","{args}"]}]}""", "'wasmer' is already taken")]
    [InlineData("""{"runtimes":[{"name":"x","executable":"x","versionPattern":"(.*)","run":["{module}","{args}"],"colour":"red"}]}""", "colour")]
    [InlineData("""{"runtimes":[{"name":"x","versionPattern":"(.*)","run":["{module}","{args}"]}]}""", "executable")]
    [InlineData("""{"runtimes": [""", "runtime file")]
    public async Task AnInvalidFileIsOneLineAndExitCode2(string json, string expected)
    {
        using var home = new TempDirectory();
        var file = home.File("mine.json");
        await File.WriteAllTextAsync(file, json);

        var result = await CliRun.InvokeAsync(home.Path, "doctor", "--runtime-file", file);

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        var line = Assert.Single(result.ErrorLines);
        Assert.StartsWith("nearnative: runtime file ", line, StringComparison.Ordinal);
        Assert.Contains(expected, line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AMissingFileGivenExplicitlyIsAUsageError()
    {
        using var home = new TempDirectory();

        var result = await CliRun.InvokeAsync(home.Path, "doctor", "--runtime-file", home.File("absent.json"));

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains("cannot read the runtime file", Assert.Single(result.ErrorLines), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunRefusesAnUnreadableRuntimeFileWithOneLine()
    {
        using var home = new TempDirectory();
        var file = home.File("runtimes.json");
        await File.WriteAllTextAsync(file, "{ not json");

        var result = await CliRun.InvokeAsync(home.Path, "run", "--quick", "--runtime-file", file, "--dry-run");

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Single(result.ErrorLines);
        Assert.Contains("runtimes.json", result.Error, StringComparison.Ordinal);
    }
}
