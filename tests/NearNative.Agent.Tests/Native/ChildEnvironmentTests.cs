using System.Collections.Concurrent;
using NearNative.Agent.Files;
using NearNative.Agent.Native;
using NearNative.Agent.Runtimes;
using NearNative.Agent.Suite;
using NearNative.Agent.Tests.Support;
using NearNative.Domain.Suite;

namespace NearNative.Agent.Tests.Native;

/// <summary>
/// Real measured children, the native empty program and the Wasmtime host (this agent, a .NET process) on it, started by a
/// user whose temporary and home directories are ones the test watches: nothing may appear there, not even for a moment.
/// </summary>
public sealed class ChildEnvironmentTests : IDisposable
{
    private readonly TempDirectory _root = new();

    public void Dispose() => _root.Dispose();

    [Fact]
    public async Task MeasuredChildrenCreateNothingInTheUsersTemporaryOrHomeDirectory()
    {
        var userTemp = Directory.CreateDirectory(_root.File("user-tmp")).FullName;
        var userHome = Directory.CreateDirectory(_root.File("user-home")).FullName;
        var agentHome = Directory.CreateDirectory(_root.File("agent-home")).FullName;
        var scratchParent = Directory.CreateDirectory(_root.File("scratch")).FullName;
        var suite = SuiteVerifier.Load(TestSuite.Directory);
        var empty = suite.Manifest.Find(WorkloadSpec.ColdStartId)!;
        using var watch = new CreationWatch(userTemp, userHome);

        using (var scratch = ScratchRoot.Create(scratchParent))
        {
            var launcher = TestLauncher.Create(agentHome, scratch.TempPath);
            var wasmtime = WasmtimeRuntime.Default(WasmtimeRuntime.DefaultHostDirectory);
            Assert.NotNull((await wasmtime.ProbeAsync(suite, CancellationToken.None)).Info);
            foreach (var runtime in new IRuntime[] { new NativeRuntime(), wasmtime, new WasmtimeDotnetRuntime(AgentExecutable.Current()) })
            {
                var startInfo = runtime.CreateStartInfo(new WorkloadInvocation(
                    suite.ArtifactPath(empty, runtime.ArtifactKind), [SuiteManifest.QuickSize], suite.Directory, Preopen: false));
                foreach (var variable in new[] { "TMPDIR", "TMP", "TEMP" })
                {
                    startInfo.Environment[variable] = userTemp;
                }

                startInfo.Environment["HOME"] = userHome;
                startInfo.Environment["XDG_CACHE_HOME"] = Path.Combine(userHome, ".cache");

                var result = await launcher.RunAsync(startInfo, TimeSpan.FromMinutes(2), CancellationToken.None);

                Assert.True(result.ExitCode == 0, $"{runtime.Id}: exit {result.ExitCode}: {result.StderrTail}");
            }
        }

        Assert.Empty(await watch.CreatedAsync());
        Assert.Empty(Directory.EnumerateFileSystemEntries(scratchParent));
    }

    [Fact]
    public void NodesWaysOfWritingFilesAreRemovedAndTemporaryFilesGoToTheScratchDirectory()
    {
        var environment = new ChildEnvironment("/home/agent", "/tmp/nearnative-scratch-x/tmp");
        var startInfo = new System.Diagnostics.ProcessStartInfo("true");
        startInfo.Environment["NODE_OPTIONS"] = "--cpu-prof";
        startInfo.Environment["TMPDIR"] = "/tmp";

        environment.ApplyTo(startInfo);

        Assert.False(startInfo.Environment.ContainsKey("NODE_OPTIONS"));
        Assert.Equal("/tmp/nearnative-scratch-x/tmp", startInfo.Environment["TMPDIR"]);
        Assert.Equal("/home/agent/" + ChildEnvironment.BundleDirectoryName, startInfo.Environment["DOTNET_BUNDLE_EXTRACT_BASE_DIR"]);
    }

    /// <summary>
    /// Every file or directory created under some directories, seen through inotify, so one that is created and removed
    /// again while a child runs (a diagnostic socket) counts too.
    /// </summary>
    private sealed class CreationWatch : IDisposable
    {
        private const string Sentinel = "nearnative-sentinel";

        private readonly List<FileSystemWatcher> _watchers;
        private readonly ConcurrentQueue<string> _created = new();

        public CreationWatch(params string[] directories)
        {
            _watchers = [.. directories.Select(d => new FileSystemWatcher(d) { IncludeSubdirectories = true })];
            foreach (var watcher in _watchers)
            {
                watcher.Created += (_, e) => _created.Enqueue(e.FullPath);
                watcher.EnableRaisingEvents = true;
            }
        }

        /// <summary>
        /// What was created, apart from a sentinel file the watch creates last in each directory: inotify reports events in
        /// order, so once every sentinel is seen, everything before it has been seen too.
        /// </summary>
        public async Task<IReadOnlyList<string>> CreatedAsync()
        {
            var sentinels = _watchers.Select(w => Path.Combine(w.Path, Sentinel)).ToList();
            foreach (var sentinel in sentinels)
            {
                await File.WriteAllTextAsync(sentinel, "");
            }

            using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(1));
            while (!sentinels.All(_created.Contains))
            {
                await Task.Delay(10, limit.Token);
            }

            return [.. _created.Except(sentinels), .. _watchers.SelectMany(w => Directory.EnumerateFileSystemEntries(w.Path)).Except(sentinels)];
        }

        public void Dispose()
        {
            foreach (var watcher in _watchers)
            {
                watcher.Dispose();
            }
        }
    }
}
