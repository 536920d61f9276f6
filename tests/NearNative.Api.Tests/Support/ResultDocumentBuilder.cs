using System.Security.Cryptography;
using System.Text;
using NearNative.Domain.Results;

namespace NearNative.Api.Tests.Support;

/// <summary>
/// Valid result documents with realistic samples and known answers: native plus two runtimes, the test
/// suite's four workloads, ten measured rounds and a warm-up round. Every measured round has each runtime
/// at exactly its configured ratio to native, so the recomputed medians are those ratios.
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
        };

    /// <summary>Every runtime takes exactly this many times native's process time to run the empty program.</summary>
    public const long StartupRatio = 5;

    private readonly string _keyId;
    private readonly List<RuntimeInfo> _runtimes =
    [
        new(RuntimeInfo.NativeId, "native", "clang-14", RuntimeInfo.DefaultConfiguration, new Dictionary<string, string>()),
        new("wasmtime", "wasmtime", "30.0.0", RuntimeInfo.DefaultConfiguration, new Dictionary<string, string>()),
        new("wasmer", "wasmer", "5.0.0", RuntimeInfo.DefaultConfiguration, new Dictionary<string, string> { ["backend"] = "cranelift" }),
    ];

    private readonly Dictionary<string, double> _ratios = new() { ["wasmtime"] = 1.5, ["wasmer"] = 2.0 };
    private readonly HashSet<(string Runtime, string Workload)> _wrongOutputs = [];
    private string _size = "quick";
    private string _machineId = MachineId("machine-1");
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

    public ResultDocumentBuilder WithRuntime(string id, string name, double ratio, string configuration = RuntimeInfo.DefaultConfiguration)
    {
        _runtimes.Add(new RuntimeInfo(id, name, "1.0.0", configuration, new Dictionary<string, string>()));
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
            var checksum = _size == "full" ? spec.Full : spec.Quick;
            var startup = spec.Category == "startup";

            // A warm-up round whose figures would wreck every ratio if they were counted.
            foreach (var runtime in _runtimes)
            {
                samples.Add(new Sample(0, workload, runtime.Id, SampleStage.Warmup, SampleOutcome.Ok,
                    startup ? 0 : runtime.IsNative ? 1_000 : 900_000_000, 1_000_000_000, 10_000_000, checksum));
            }

            for (var round = 0; round < 10; round++)
            {
                var nativeKernel = 200_000_000L + (round * 2_000L);
                var nativeWall = 1_000_000L + (round * 100L);
                foreach (var runtime in _runtimes)
                {
                    var ratio = runtime.IsNative ? 1.0 : _ratios[runtime.Id];
                    var kernel = startup ? 0 : (long)Math.Round(nativeKernel * ratio);
                    var wall = startup ? nativeWall * (runtime.IsNative ? 1 : StartupRatio) : kernel + 1_000_000;
                    var wrong = _wrongOutputs.Contains((runtime.Id, workload));
                    samples.Add(new Sample(round, workload, runtime.Id, SampleStage.Measured,
                        wrong ? SampleOutcome.ChecksumMismatch : SampleOutcome.Ok,
                        kernel, wall, 20_000_000, wrong ? "deadbeefdeadbeef" : checksum));
                }
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
                new CpuInfo("x86_64", _vendor, _brand, 6, 158, 12, 8, "none"),
                new OsInfo("linux", "debian 12", "6.1.0"),
                32L << 30),
            Run = new RunInfo(10, 42, false, 0.1, 0.2, 0),
            Runtimes = _runtimes,
            Samples = samples,
        };
        return _edit(document);
    }
}
