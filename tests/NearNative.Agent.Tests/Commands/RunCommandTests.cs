using System.Text;
using System.Text.Json.Nodes;
using NearNative.Agent.Machine;
using NearNative.Agent.Measurement;
using NearNative.Agent.Runtimes;
using NearNative.Agent.Tests.Support;
using NearNative.Domain.Cpu;
using NearNative.Domain.Results;
using NearNative.Domain.Suite;

namespace NearNative.Agent.Tests.Commands;

[Trait("Category", "Slow")]
public sealed class RunCommandTests(QuickRunFixture run) : IClassFixture<QuickRunFixture>
{
    private static readonly bool NodeInstalled = ExecutableSearch.Find("node") is not null;

    [Fact]
    public void AQuickRunSucceedsAndWritesTheDocument()
    {
        Assert.True(run.Result.ExitCode == ExitCodes.Ok, run.Result.Error);
        Assert.NotNull(run.Document);
        Assert.Equal(ResultDocument.CurrentSchema, run.Document.Schema);
        Assert.Equal(new SuiteReference(run.Manifest.Suite, "quick"), run.Document.Suite);
        Assert.Equal((QuickRunFixture.Rounds, QuickRunFixture.Seed), (run.Document.Run.Rounds, run.Document.Run.Seed));
    }

    [Fact]
    public void EveryRuntimeMeasuredEveryWorkloadWithTheManifestsChecksum()
    {
        var expected = NodeInstalled ? new[] { "native", "wasmtime", "node" } : ["native", "wasmtime"];
        Assert.Equal(expected, run.Document.Runtimes.Select(r => r.Id));

        foreach (var runtime in expected)
        {
            foreach (var workload in run.Manifest.Workloads)
            {
                var samples = run.Document.Samples.Where(s => s.Runtime == runtime && s.Workload == workload.Id).ToList();
                Assert.Single(samples, s => s.Stage == SampleStage.Warmup);
                var measured = samples.Where(s => s.Stage == SampleStage.Measured).ToList();
                Assert.Equal(workload.Id == WorkloadSpec.ColdStartId ? run.Document.Run.ColdStartRounds : QuickRunFixture.Rounds, measured.Count);
                Assert.All(measured, s =>
                {
                    Assert.Equal(SampleOutcome.Ok, s.Outcome);
                    Assert.Equal(workload.Checksums["quick"], s.Checksum);
                    Assert.True(s.WallNs > 0);
                });
            }
        }
    }

    [Fact]
    public void UnderTheDefaultCapTheDocumentRecordsTheCapAndEveryRoundsWorstCaseWrites()
    {
        // Every process of a file I/O workload, a warm-up and the maximum of rounds, writes what the manifest declares.
        var perProcess = run.Manifest.Workloads.Sum(w => w.WritesBytes?.GetValueOrDefault(SuiteManifest.QuickSize) ?? 0);
        var processes = (QuickRunFixture.Rounds + 1) * run.Document.Runtimes.Count;

        Assert.Equal(WriteBudget.DefaultCapBytes, run.Document.Run.MaxWriteBytes);
        Assert.Equal(processes * perProcess, run.Document.Run.PlannedWriteBytes);
        Assert.Null(run.Document.Run.WriteCappedRounds);
        Assert.Contains(run.Result.ErrorLines, l => l.StartsWith("writes: the file I/O workloads write at most", StringComparison.Ordinal));
    }

    [Fact]
    public void ColdStartHasAtLeastTwentyFreshProcessesPerRuntime()
    {
        Assert.True(run.Document.Run.ColdStartRounds >= RoundPolicy.MinimumColdStart);
        foreach (var runtime in run.Document.Runtimes)
        {
            var measured = run.Document.Samples.Count(s => s is { Workload: WorkloadSpec.ColdStartId, Stage: SampleStage.Measured } && s.Runtime == runtime.Id);
            Assert.True(measured >= RoundPolicy.MinimumColdStart, $"{runtime.Id}: {measured} cold starts");
        }
    }

    [Fact]
    public void ThePreinitialisedTwinRunsUnderEveryWasmRuntimeInItsBaseWorkloadsRounds()
    {
        const string twin = "inittable" + WorkloadSpec.PreinitSuffix;
        Assert.DoesNotContain(run.Document.Samples, s => s.Workload == twin && s.Runtime == RuntimeInfo.NativeId);
        foreach (var runtime in run.Document.Runtimes.Where(r => !r.IsNative))
        {
            var rounds = run.Document.Samples.Where(s => s.Workload == twin && s.Runtime == runtime.Id && s.Stage == SampleStage.Measured).Select(s => s.Round).ToList();
            var baseRounds = run.Document.Samples.Where(s => s.Workload == "inittable" && s.Runtime == RuntimeInfo.NativeId && s.Stage == SampleStage.Measured).Select(s => s.Round);
            Assert.Equal(QuickRunFixture.Rounds, rounds.Count);
            Assert.Equal(baseRounds.Order(), rounds.Order());
        }
    }

    [Fact]
    public void EverySampleHasItsOwnPeakMemory()
    {
        Assert.Equal(RunInfo.ForkWait4Method, run.Document.Run.PeakRssMethod);
        Assert.All(run.Document.Samples, s => Assert.True(s.PeakRssBytes > 0, $"{s.Runtime} {s.Workload} round {s.Round}"));

        // The native empty program is tiny; were the agent's own memory leaking in, it would be tens of MiB.
        var emptyNative = run.Document.Samples.Where(s => s is { Workload: WorkloadSpec.ColdStartId, Runtime: RuntimeInfo.NativeId }).Max(s => s.PeakRssBytes!.Value);
        Assert.True(emptyNative < 8 << 20, $"native empty peaked at {emptyNative} bytes");
    }

    [Fact]
    public void TheDocumentSaysHowTheRunWasConducted()
    {
        var info = run.Document.Run;
        Assert.Equal(QuickRunFixture.Rounds, info.MaxRounds);
        Assert.Contains(info.StoppedBy, new[] { RunInfo.StoppedSettled, RunInfo.StoppedMaxRounds });
        Assert.Equal(600, info.BudgetSeconds);
        Assert.Equal(run.Manifest.Workloads.Select(w => w.Id).Order(), info.WorkloadRounds!.Keys.Order());
        Assert.Equal(info.ColdStartRounds + 1 + QuickRunFixture.Rounds + 1, info.RoundNoise!.Count);
        Assert.Equal(info.RoundNoise.Count(r => r.Noisy), info.NoisyRounds);
        Assert.Equal(4L << 30, info.MemoryCapBytes);
        Assert.Null(info.CustomModuleSha256);
    }

    [Fact]
    public void AMissingNodeIsSkippedWithOneLineAndListedInTheDocument()
    {
        if (NodeInstalled)
        {
            Assert.Empty(run.Document.Skipped);
            Assert.DoesNotContain("skipping", run.Result.Error, StringComparison.Ordinal);
        }
        else
        {
            Assert.Contains(run.Document.Skipped, s => s.Name == "node");
            Assert.Single(run.Result.ErrorLines, l => l.StartsWith("skipping node", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void TheRuntimesAreDeclaredWithVersions()
    {
        var wasmtime = Assert.Single(run.Document.Runtimes, r => r.Id == "wasmtime");
        Assert.Equal(("wasmtime", "default"), (wasmtime.Name, wasmtime.Configuration));
        Assert.Matches(@"^\d+\.\d+\.\d+", wasmtime.Version);
        if (NodeInstalled)
        {
            var node = Assert.Single(run.Document.Runtimes, r => r.Id == "node");
            Assert.Contains("--no-turbo-fast-api-calls", node.Settings["flags"], StringComparison.Ordinal);
            Assert.Matches(@"^\d+\.\d+\.\d+$", node.Version);
        }
    }

    [Fact]
    public void TheDocumentCarriesNoHostnameUserNameOrPath()
    {
        var values = StringValues(JsonNode.Parse(run.DocumentBytes)!, "").ToList();
        Assert.NotEmpty(values);

        // Virtualisation is a closed vocabulary ("none", "kvm", "vm", …) that a short hostname may happen to equal.
        var virtualization = Assert.Single(values, v => v.Path == ".machine.cpu.virtualization").Value;
        Assert.Matches("^[a-z]+$", virtualization);
        foreach (var (path, value) in values.Where(v => v.Path != ".machine.cpu.virtualization"))
        {
            Assert.False(value.Contains(Environment.MachineName, StringComparison.OrdinalIgnoreCase), $"{path} contains the hostname");
            Assert.False(value.Contains(Environment.UserName, StringComparison.OrdinalIgnoreCase), $"{path} contains the user name");
            Assert.False(value.StartsWith('/') || value.Contains("/home/", StringComparison.Ordinal) || value.Contains("/tmp/", StringComparison.Ordinal), $"{path} is a path");
        }

        var text = Encoding.UTF8.GetString(run.DocumentBytes);
        Assert.DoesNotContain(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), text, StringComparison.Ordinal);
        Assert.DoesNotContain(run.Home, text, StringComparison.Ordinal);
        Assert.DoesNotContain(TestSuite.Directory, text, StringComparison.Ordinal);
        Assert.True(MachineIdentity.IsWellFormed(run.Document.Machine.MachineId));
    }

    private static IEnumerable<(string Path, string Value)> StringValues(JsonNode node, string path) => node switch
    {
        JsonObject o => o.SelectMany(p => p.Value is null ? [(path + "." + p.Key + "#name", p.Key)] : StringValues(p.Value, path + "." + p.Key).Append((path + "." + p.Key + "#name", p.Key))),
        JsonArray a => a.SelectMany((item, i) => item is null ? [] : StringValues(item, $"{path}[{i}]")),
        JsonValue v when v.TryGetValue<string>(out var text) => [(path, text)],
        _ => [],
    };

    [Fact]
    public void TheMachineIdSaltIsOwnerOnly()
    {
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(run.Home, MachineSalt.FileName)));
    }

    [Fact]
    public void TheTableReportsEachRuntimeAgainstNative()
    {
        Assert.Contains("wasmtime: wasmtime", run.Result.Out, StringComparison.Ordinal);
        Assert.Contains("execution", run.Result.Out, StringComparison.Ordinal);
        foreach (var row in new[] { "execution", "process", "memory", "excl. start-up", "start-up", " ms ", "memory floor", " MB ", "pre-init gain", "I/O", "noise: " })
        {
            Assert.Contains(row, run.Result.Out, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void InstanceStartIsMeasuredInEveryRuntimesHostWithNativeProcessStartsBeside()
    {
        var runtimes = run.Document.Runtimes.Where(r => !r.IsNative).Select(r => (r.Id, InstanceStart.InHost));
        var native = InstanceStart.NativeMethods.Select(m => (RuntimeInfo.NativeId, m));

        Assert.Equal([.. runtimes, .. native], run.Document.InstanceStarts.Select(m => (m.Runtime, m.Method)));
        Assert.All(run.Document.InstanceStarts.Where(m => m.Method != InstanceStart.Namespaced), m =>
        {
            Assert.True(m.UnavailableReason is null, m.UnavailableReason);
            Assert.Equal(InstanceStartCounts.Quick.Count, m.StartNs.Count);
        });
        Assert.Contains("instance start in a running host", run.Result.Out, StringComparison.Ordinal);
        Assert.Contains("native process start, for scale", run.Result.Out, StringComparison.Ordinal);
        Assert.Single(run.Result.ErrorLines, l => l.StartsWith("instance start: wasmtime in-host: median", StringComparison.Ordinal));
    }

    [Fact]
    public void AWarmupRoundIsKeptAndLabelled()
    {
        Assert.All(run.Document.Samples.Where(s => s.Round == 0), s => Assert.Equal(SampleStage.Warmup, s.Stage));
        Assert.All(run.Document.Samples.Where(s => s.Round > 0), s => Assert.Equal(SampleStage.Measured, s.Stage));
    }
}
