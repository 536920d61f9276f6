using System.Text.Json;
using NearNative.Agent.Runtimes;
using NearNative.Agent.Tests.Support;

namespace NearNative.Agent.Tests.Runtimes;

public sealed class RuntimeDoctorTests
{
    /// <summary>A PATH with only a stand-in wasmtime CLI: no node, no wasm2c, no clang.</summary>
    private static async Task<CliResult> DoctorWithBarePathAsync(TempDirectory home, params string[] args)
    {
        var bin = Directory.CreateDirectory(home.File("bin")).FullName;
        StandInExecutables.WriteScript(bin, "wasmtime", "echo 'wasmtime 99.1.0 (stand-in)'\n");
        return await AgentProcess.RunWithPathAsync(home.Path, bin, ["doctor", "--suite", TestSuite.Directory, .. args]);
    }

    [Fact]
    [Trait("Category", "Slow")]
    public async Task DoctorListsEveryRuntimeFoundOrMissingWithHowToInstall()
    {
        using var home = new TempDirectory();

        var result = await DoctorWithBarePathAsync(home);

        Assert.True(result.ExitCode == ExitCodes.Ok, result.Error);
        var lines = result.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        string Row(string id) => Assert.Single(lines, l => l.StartsWith(id + " ", StringComparison.Ordinal));
        Assert.Matches(@"^native\s+found\s+clang-14[0-9.]*\s+native", Row("native"));
        Assert.Matches(@"^wasmtime\s+found\s+\d+\.\d+\.\d+\s+simd", Row("wasmtime"));
        Assert.Matches(@"^wasmtime-cli\s+found\s+99\.1\.0\s+simd", Row("wasmtime-cli"));
        Assert.Matches(@"^node\s+missing\s+-\s+simd\s+node is not on PATH; install: .*nodejs", Row("node"));
        Assert.Matches(@"^jsc\s+missing\s+-\s+simd\s+.*; install: apt-get install libjavascriptcoregtk-4.0-bin", Row("jsc"));
        Assert.Matches(@"^wasm2c-mvp\s+missing\s+-\s+mvp\s+wasm2c is not on PATH.*apt-get install wabt clang-14", Row("wasm2c-mvp"));
        Assert.Matches(@"^wasm3-mvp\s+missing\s+-\s+mvp\s+wasm3 is not on PATH; install: ", Row("wasm3-mvp"));
        Assert.Contains("std-2026.1", lines[0], StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Category", "Slow")]
    public async Task DoctorJsonIsForScripts()
    {
        using var home = new TempDirectory();

        var result = await DoctorWithBarePathAsync(home, "--json");

        Assert.True(result.ExitCode == ExitCodes.Ok, result.Error);
        using var json = JsonDocument.Parse(result.Out);
        var runtimes = json.RootElement.GetProperty("runtimes").EnumerateArray().ToDictionary(r => r.GetProperty("id").GetString()!);
        Assert.Equal(17, runtimes.Count);
        Assert.All(["wasmtime", "wasmtime-precompiled", "wasmtime-dotnet"], id => Assert.True(runtimes[id].GetProperty("found").GetBoolean(), id));
        Assert.True(runtimes["wasmtime-cli"].GetProperty("found").GetBoolean());
        Assert.Equal("99.1.0", runtimes["wasmtime-cli"].GetProperty("version").GetString());
        Assert.False(runtimes["wasm2c-mvp"].GetProperty("found").GetBoolean());
        Assert.Equal("mvp", runtimes["wasm2c-mvp"].GetProperty("artifact").GetString());
        Assert.Contains("apt-get install wabt", runtimes["wasm2c-mvp"].GetProperty("install").GetString(), StringComparison.Ordinal);
        Assert.True(runtimes["wasmtime-pulley"].GetProperty("interpreter").GetBoolean());
        Assert.Equal(("mvp", false, false), (runtimes["wasmtime-mvp"].GetProperty("artifact").GetString(),
            runtimes["wasmtime-mvp"].GetProperty("runsByDefault").GetBoolean(), runtimes["wasmtime-mvp"].GetProperty("interpreter").GetBoolean()));
        Assert.True(runtimes["node"].GetProperty("runsByDefault").GetBoolean());
    }

    [Fact]
    [Trait("Category", "Slow")]
    public async Task UserDefinedRuntimesAppearInDoctor()
    {
        using var home = new TempDirectory();
        await File.WriteAllTextAsync(home.File("runtimes.json"), """
            {"runtimes":[{"name":"myvm","executable":"wasmtime","versionPattern":"wasmtime ([0-9.]+)","run":["{module}","{args}"],"simd":false}]}
            """);

        var result = await DoctorWithBarePathAsync(home);

        Assert.True(result.ExitCode == ExitCodes.Ok, result.Error);
        Assert.Matches(@"(?m)^myvm-mvp\s+found\s+99\.1\.0\s+mvp", result.Out);
    }

    [Fact]
    public void TheFlavourNamesTheModulesARuntimeRuns()
    {
        Assert.Equal("native", DoctorReport.Flavour("native"));
        Assert.Equal("simd", DoctorReport.Flavour("wasm"));
        Assert.Equal("mvp", DoctorReport.Flavour("wasmMvp"));
    }
}
