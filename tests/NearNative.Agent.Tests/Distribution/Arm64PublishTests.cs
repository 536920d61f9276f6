using System.Diagnostics;
using System.Text.Json;
using NearNative.Agent.Measurement;
using NearNative.Agent.Tests.Support;

namespace NearNative.Agent.Tests.Distribution;

/// <summary>
/// The agent published for linux-arm64, run under qemu-aarch64-static (Debian's qemu-user-static with the arm64
/// libraries .NET needs, which scripts/test installs). Nothing is timed under emulation: these check that the
/// aarch64 agent, its suite and its helpers work, not how fast.
/// </summary>
/// <remarks>
/// Two limits of user-mode emulation without binfmt_misc (as here) shape the checks: a child the emulated agent
/// starts must be an x86-64 program (node is; the aarch64 helpers are not, so samples fail to start and the dry run
/// records them as failed), and .NET's double-mapped JIT memory confuses qemu's code cache, so the agent runs with
/// DOTNET_EnableWriteXorExecute=0 here (on a real aarch64 machine it needs nothing of the kind).
/// </remarks>
[Trait("Category", "Slow")]
public sealed class Arm64PublishTests : IClassFixture<Arm64PublishTests.PublishedAgent>
{
    private readonly PublishedAgent _agent;

    public Arm64PublishTests(PublishedAgent agent) => _agent = agent;

    [Fact]
    public void ThePublishedFolderHoldsTheAarch64AgentHelpersAndNativeBuildsOnly()
    {
        Assert.Equal(Elf.Aarch64, Elf.Machine(Path.Combine(_agent.Directory, "nearnative")));
        foreach (var helper in new[] { "nn-exec", "nn-spawn", "nn-wasmtime", "libwasmtime.so" })
        {
            Assert.Equal(Elf.Aarch64, Elf.Machine(Path.Combine(_agent.Directory, helper)));
        }

        var artifacts = Directory.GetFiles(Path.Combine(_agent.Directory, "suite", "artifacts")).Select(Path.GetFileName).ToList();
        Assert.Equal(17, artifacts.Count(a => a!.EndsWith(".aarch64.native", StringComparison.Ordinal)));
        Assert.DoesNotContain(artifacts, a => a!.EndsWith(".native", StringComparison.Ordinal) && !a.EndsWith(".aarch64.native", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TheLeanWasmtimeHostRunsAModuleWithTheRightChecksumUnderEmulation()
    {
        var fib = Path.Combine(_agent.Directory, "suite", "artifacts", "fib.wasm");

        var result = await _agent.EmulateAsync([Path.Combine(_agent.Directory, "nn-wasmtime"), "run", fib, "--", "quick"]);

        Assert.True(result.ExitCode == 0, result.StderrTail);
        using var line = JsonDocument.Parse(result.Stdout.Split('\n')[0]);
        Assert.Equal(TestSuite.Checksum("fib", "quick"), line.RootElement.GetProperty("checksum").GetString());
    }

    [Fact]
    public async Task DoctorVerifiesTheAarch64SuiteAndFindsTheEmbeddedWasmtime()
    {
        var result = await _agent.EmulateAsync([Path.Combine(_agent.Directory, "nearnative"), "doctor"]);

        Assert.True(result.ExitCode == 0, result.StderrTail);
        Assert.Contains("17 workloads, verified", result.Stdout, StringComparison.Ordinal);
        Assert.Matches(@"(?m)^native\s+found", result.Stdout);
        Assert.Matches(@"(?m)^wasmtime-dotnet\s+found\s+50\.", result.Stdout);
    }

    [Fact]
    public async Task ADryRunRecordsAnAarch64MachineAndPrintsTheDocument()
    {
        var result = await _agent.EmulateAsync(
            [Path.Combine(_agent.Directory, "nearnative"), "run", "--quick", "--runtimes", "node", "--dry-run", "--max-wait", "0", "--budget", "20s"]);

        Assert.True(result.ExitCode == 0, result.StderrTail);
        using var document = JsonDocument.Parse(result.Stdout.Split('\n')[0]);
        Assert.Equal("aarch64", document.RootElement.GetProperty("machine").GetProperty("cpu").GetProperty("architecture").GetString());
        Assert.Equal("std-2026.1", document.RootElement.GetProperty("suite").GetProperty("id").GetString());
    }

    /// <summary>One <c>dotnet publish -r linux-arm64</c> single-file build for the whole class, removed afterwards.</summary>
    public sealed class PublishedAgent : IAsyncLifetime
    {
        private readonly string _root = System.IO.Directory.CreateTempSubdirectory("nearnative-arm64-").FullName;

        public string Directory => Path.Combine(_root, "agent");

        private string Home => Path.Combine(_root, "home");

        public async Task InitializeAsync()
        {
            var publish = new ProcessStartInfo("dotnet",
            [
                "publish", Path.Combine(Repository.Root, "src", "Agent"), "-r", "linux-arm64", "--self-contained",
                "-p:PublishSingleFile=true", "-o", Directory, "-v", "q",
            ]);
            var result = await ProcessRunner.RunAsync(publish, TimeSpan.FromMinutes(8), null, CancellationToken.None);
            Assert.True(result.ExitCode == 0, $"dotnet publish -r linux-arm64 failed:\n{result.Stdout}\n{result.StderrTail}");
            System.IO.Directory.CreateDirectory(Home);
        }

        public Task<ProcessResult> EmulateAsync(IReadOnlyList<string> command)
        {
            var startInfo = new ProcessStartInfo("qemu-aarch64-static", command) { WorkingDirectory = Directory };
            startInfo.Environment["NEARNATIVE_HOME"] = Home;
            startInfo.Environment["DOTNET_EnableWriteXorExecute"] = "0";
            return ProcessRunner.RunAsync(startInfo, TimeSpan.FromMinutes(5), null, CancellationToken.None);
        }

        public Task DisposeAsync()
        {
            System.IO.Directory.Delete(_root, recursive: true);
            return Task.CompletedTask;
        }
    }
}
