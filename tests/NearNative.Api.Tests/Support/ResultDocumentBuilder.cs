using System.Security.Cryptography;
using System.Text;
using NearNative.Domain.Results;

namespace NearNative.Api.Tests.Support;

/// <summary>
/// Valid result documents with realistic samples and known answers: native plus two runtimes, the test
/// suite's five workloads (wasm runtimes also run the pre-initialised twin of <c>inittable</c>), ten measured
/// rounds and a warm-up round. Every measured round has each runtime at exactly its configured ratio to
/// native, so the recomputed medians are those ratios.
/// </summary>
public sealed class ResultDocumentBuilder
{
    public const string Suite = "test-2026.1";

    public static readonly IReadOnlyDictionary<string, (string Category, string Quick, string Full)> Workloads =
        new Dictionary<string, (string, string, string)>
        {
            ["fib"] = ("compute", "1111111111111111", "1111111111111112"),
            ["interp"] = ("branchy", "2222222222222221", "2222222222222222"),
            ["sha256"] = ("memory", "3333333333333331", "3333333333333332"),
            ["empty"] = ("startup", "cbf29ce484222325", "cbf29ce484222325"),
            ["inittable"] = ("startup", "4444444444444441", "4444444444444442"),
        };

    public const string PreinitTwin = "inittable.preinit";

    /// <summary>Unless told otherwise, every runtime takes this many times native's process time to run a start-up workload.</summary>
    public const long StartupRatio = 5;

    /// <summary>Unless told otherwise, the pre-initialised twin runs this many times faster than the plain module.</summary>
    public const double PreinitGain = 2;

    private const long NativePeakRss = 20_000_000;

    private readonly string _keyId;
    private readonly List<RuntimeInfo> _runtimes =
    [
        new(RuntimeInfo.NativeId, "native", "clang-14", RuntimeInfo.DefaultConfiguration, new Dictionary<string, string>()),
        new("wasmtime", "wasmtime", "30.0.0", RuntimeInfo.DefaultConfiguration, new Dictionary<string, string>()),
        new("wasmer", "wasmer", "5.0.0", RuntimeInfo.DefaultConfiguration, new Dictionary<string, string> { ["backend"] = "cranelift" }),
    ];

    private readonly Dictionary<string, double> _ratios = new() { ["wasmtime"] = 1.5, ["wasmer"] = 2.0 };
    private readonly Dictionary<(string Runtime, string Workload), double> _workloadRatios = [];
    private readonly Dictionary<string, double> _startupRatios = [];
    private readonly Dictionary<string, double> _memoryRatios = [];
    private readonly Dictionary<string, double> _preinitGains = [];
    private readonly Dictionary<string, long> _emptyPeakRss = [];
    private readonly HashSet<(string Runtime, string Workload)> _wrongOutputs = [];
    private IReadOnlyDictionary<string, long>? _phases;
    private bool _noisy;
    private string _size = "quick";
    private string _machineId = MachineId("machine-1");
    private string _architecture = "x86_64";
    private string _vendor = "GenuineIntel";
    private string _brand = "Intel(R) Core(TM) i7-9700K CPU @ 3.60GHz";
    private string _nonce = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
    private Func<ResultDocument, ResultDocument> _edit = d => d;

    public ResultDocumentBuilder(string keyId) => _keyId = keyId;

    public static string MachineId(string name) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(name)));

    /// <summary>The runtime's kernel time is exactly <paramref name="ratio"/> × native in every measured round.</summary>
    public ResultDocumentBuilder WithRatio(string runtime, double ratio)
    {
        _ratios[runtime] = ratio;
        return this;
    }

    /// <summary>The runtime's kernel time on one workload is exactly <paramref name="ratio"/> × native.</summary>
    public ResultDocumentBuilder WithWorkloadRatio(string runtime, string workload, double ratio)
    {
        _workloadRatios[(runtime, workload)] = ratio;
        return this;
    }

    /// <summary>The runtime's whole-process time on the start-up workloads is exactly <paramref name="ratio"/> × native.</summary>
    public ResultDocumentBuilder WithStartupRatio(string runtime, double ratio)
    {
        _startupRatios[runtime] = ratio;
        return this;
    }

    /// <summary>The runtime's peak resident memory is exactly <paramref name="ratio"/> × native's on every workload.</summary>
    public ResultDocumentBuilder WithMemoryRatio(string runtime, double ratio)
    {
        _memoryRatios[runtime] = ratio;
        return this;
    }

    /// <summary>The runtime runs the pre-initialised twin exactly <paramref name="gain"/> times faster than the plain module.</summary>
    public ResultDocumentBuilder WithPreinitGain(string runtime, double gain)
    {
        _preinitGains[runtime] = gain;
        return this;
    }

    /// <summary>Every measured process of the empty program under <paramref name="runtime"/> (native too) peaks at this many bytes.</summary>
    public ResultDocumentBuilder WithEmptyPeakRss(string runtime, long bytes)
    {
        _emptyPeakRss[runtime] = bytes;
        return this;
    }

    /// <summary>The agent marked the run noisy: the machine was busy before or during it.</summary>
    public ResultDocumentBuilder Noisy()
    {
        _noisy = true;
        return this;
    }

    /// <summary>Every measured wasm sample reports these in-process phases.</summary>
    public ResultDocumentBuilder WithPhases(IReadOnlyDictionary<string, long> phases)
    {
        _phases = phases;
        return this;
    }

    public ResultDocumentBuilder WithRuntime(string id, string name, double ratio, string configuration = RuntimeInfo.DefaultConfiguration, string version = "1.0.0")
    {
        _runtimes.Add(new RuntimeInfo(id, name, version, configuration, new Dictionary<string, string>()));
        _ratios[id] = ratio;
        return this;
    }

    public ResultDocumentBuilder WithSize(string size)
    {
        _size = size;
        return this;
    }

    public ResultDocumentBuilder OnMachine(string name)
    {
        _machineId = MachineId(name);
        return this;
    }

    public ResultDocumentBuilder WithCpu(string vendor, string brand)
    {
        _vendor = vendor;
        _brand = brand;
        return this;
    }

    /// <summary>The machine's architecture as the agent reports it, e.g. <c>aarch64</c>; the CPU key starts with it.</summary>
    public ResultDocumentBuilder WithArchitecture(string architecture)
    {
        _architecture = architecture;
        return this;
    }

    public ResultDocumentBuilder WithNonce(string nonce)
    {
        _nonce = nonce;
        return this;
    }

    /// <summary>The runtime prints a checksum that differs from native's on every run of the workload.</summary>
    public ResultDocumentBuilder WithWrongOutput(string runtime, string workload)
    {
        _wrongOutputs.Add((runtime, workload));
        return this;
    }

    /// <summary>A last change to the finished document, for documents that break a rule.</summary>
    public ResultDocumentBuilder Edit(Func<ResultDocument, ResultDocument> edit)
    {
        _edit = edit;
        return this;
    }

    public ResultDocument Build()
    {
        var samples = new List<Sample>();
        foreach (var (workload, spec) in Workloads)
        {
            AddSamples(samples, workload, _size == "full" ? spec.Full : spec.Quick, spec.Category == "startup", twin: false);
            if (workload == "inittable")
            {
                AddSamples(samples, PreinitTwin, _size == "full" ? spec.Full : spec.Quick, startup: true, twin: true);
            }
        }

        var document = new ResultDocument
        {
            Schema = ResultDocument.CurrentSchema,
            KeyId = _keyId,
            CreatedAt = DateTimeOffset.UtcNow.AddMinutes(-1),
            Nonce = _nonce,
            Agent = new AgentInfo("0.1.0-test"),
            Suite = new SuiteReference(Suite, _size),
            Machine = new MachineInfo(
                _machineId,
                new CpuInfo(_architecture, _vendor, _brand, 6, 158, 12, 8, "none"),
                new OsInfo("linux", "debian 12", "6.1.0"),
                32L << 30),
            Run = new RunInfo(10, 42, _noisy, _noisy ? 3.5 : 0.1, 0.2, 0),
            Runtimes = _runtimes,
            Samples = samples,
        };
        return _edit(document);
    }

    /// <summary>A warm-up round and ten measured rounds of one workload; a twin is run by the wasm runtimes only.</summary>
    private void AddSamples(List<Sample> samples, string workload, string checksum, bool startup, bool twin)
    {
        var runtimes = _runtimes.Where(r => !twin || !r.IsNative).ToList();

        // A warm-up round whose figures would wreck every ratio if they were counted.
        foreach (var runtime in runtimes)
        {
            samples.Add(new Sample(0, workload, runtime.Id, SampleStage.Warmup, SampleOutcome.Ok,
                startup ? 0 : runtime.IsNative ? 1_000 : 900_000_000, 1_000_000_000, 10_000_000, checksum));
        }

        for (var round = 0; round < 10; round++)
        {
            var nativeKernel = 200_000_000L + (round * 2_000L);
            var nativeWall = 1_000_000L + (round * 100L);
            foreach (var runtime in runtimes)
            {
                var ratio = runtime.IsNative ? 1.0 : _workloadRatios.GetValueOrDefault((runtime.Id, workload), _ratios[runtime.Id]);
                var startupRatio = runtime.IsNative ? 1.0 : _startupRatios.GetValueOrDefault(runtime.Id, StartupRatio);
                var gain = twin ? _preinitGains.GetValueOrDefault(runtime.Id, PreinitGain) : 1.0;
                var memory = runtime.IsNative ? 1.0 : _memoryRatios.GetValueOrDefault(runtime.Id, 1.0);
                var peakRss = workload == "empty" && _emptyPeakRss.TryGetValue(runtime.Id, out var floor)
                    ? floor
                    : (long)Math.Round(NativePeakRss * memory);
                var kernel = startup ? 0 : (long)Math.Round(nativeKernel * ratio);
                var wall = startup ? (long)Math.Round(nativeWall * startupRatio / gain) : kernel + 1_000_000;
                var wrong = _wrongOutputs.Contains((runtime.Id, workload));
                samples.Add(new Sample(round, workload, runtime.Id, SampleStage.Measured,
                    wrong ? SampleOutcome.ChecksumMismatch : SampleOutcome.Ok,
                    kernel, wall, peakRss, wrong ? "deadbeefdeadbeef" : checksum,
                    runtime.IsNative ? null : _phases));
            }
        }
    }
}
