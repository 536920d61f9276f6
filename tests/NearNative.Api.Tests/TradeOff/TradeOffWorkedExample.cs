using NearNative.Api.Tests.Support;
using NearNative.Api.TradeOff;
using NearNative.Domain.Results;
using NSec.Cryptography;

namespace NearNative.Api.Tests.TradeOff;

/// <summary>
/// One machine's submission and the trade-off it gives, worked out by hand, for the API tests and the trade-off page's
/// tests alike. Every measured round has each runtime at exactly its ratio, so every interval has zero width.
///
/// Seeded: wasmtime computes (fib, category compute) at 1.2× native, hashes (sha256, category memory) at 1.2⁵ = 2.48832×
/// and runs the interpreter (branchy) at 1.5×; wasmer is at 2× everywhere. Both take 5× native's whole-process time on the
/// empty program, whose native process takes 1 ms + 100 ns per round: the added milliseconds are the median over
/// rounds 0–9 of 4 × (1,000,000 + 100·r) ns, i.e. 4 × 1,000,450 ns = 4.0018 ms. In a host wasmtime starts an instance
/// in 20 µs and wasmer in 60 µs; native starts its empty program by fork and exec in 500 µs and by posix_spawn in 300 µs.
///
/// Asked: <see cref="Query"/>, weights compute:3, memory:1 (branchy weighs nothing), t = 0.2 ms, N = 2, fork-exec.
/// <list type="bullet">
/// <item>wasmtime: S = (1.2³ · 1.2⁵)^(1/4) = 1.2² = 1.44. In a host: D = I − P = 0.02 − 0.5 = −0.48 ms; Δ = 0.44·0.2 − 0.48/2
/// = −0.152 ms per request; native t + P/N = 0.2 + 0.25 = 0.45 ms, wasmtime S·t + I/N = 0.288 + 0.01 = 0.298 ms, 0.662222×;
/// t* = 0.48 / (2·0.44) = 0.545455 ms; N* = 0.48 / (0.44·0.2) = 5.454545. As a process: D = A = 4.0018 ms,
/// Δ = 0.088 + 2.0009 = 2.0889 ms, never pays off. A/N = 2.0009 ms, I/N = 10 µs, P/N = 250 µs.</item>
/// <item>wasmer: S = (2³ · 2)^(1/4) = 2. In a host: D = 0.06 − 0.5 = −0.44 ms; Δ = 1·0.2 − 0.22 = −0.02 ms; runtime
/// 0.2·2 + 0.03 = 0.43 ms, 0.43 / 0.45 = 0.955556×; t* = 0.44 / (2·1) = 0.22 ms; N* = 0.44 / (1·0.2) = 2.2.</item>
/// </list>
/// </summary>
public static class TradeOffWorkedExample
{
    public const string Query = "/api/v1/tradeoff?weights=compute:3,memory:1&requests=2&cpuMs=0.2";

    public static ResultDocumentBuilder Document(Key key) => key.Document()
        .WithRatio("wasmer", 2.0)
        .WithWorkloadRatio("wasmtime", "fib", 1.2)
        .WithWorkloadRatio("wasmtime", "sha256", 2.48832)
        .WithWorkloadRatio("wasmtime", "interp", 1.5)
        .WithEmptyPeakRss(RuntimeInfo.NativeId, 1_000_000)
        .WithEmptyPeakRss("wasmtime", 12_000_000)
        .Edit(d => d with
        {
            InstanceStarts =
            [
                new InstanceStart("wasmtime", InstanceStart.InHost, Microseconds(20), [], 1000, 10_000_000, 35_000_000),
                new InstanceStart("wasmer", InstanceStart.InHost, Microseconds(60), [], 1000, 0, 100_000_000),
                new InstanceStart(RuntimeInfo.NativeId, InstanceStart.ForkExec, Microseconds(500), [], 0, null, null),
                new InstanceStart(RuntimeInfo.NativeId, InstanceStart.PosixSpawn, Microseconds(300), [], 0, null, null),
                InstanceStart.Unavailable(RuntimeInfo.NativeId, InstanceStart.Namespaced, "unshare: Operation not permitted"),
            ],
        });

    public static class Wasmtime
    {
        public const double Slowdown = 1.44;
        public const double AddedProcessMs = 4.0018;
        public const double ExtraMsInHost = -0.152;
        public const double CostRatioInHost = 0.298 / 0.45;
        public const double BreakEvenCpuMs = 0.48 / (2 * 0.44);
        public const double BreakEvenRequests = 0.48 / (0.44 * 0.2);
        public const double ExtraMsAsProcess = 2.0889;
    }

    public static class Wasmer
    {
        public const double Slowdown = 2;
        public const double ExtraMsInHost = -0.02;
        public const double CostRatioInHost = 0.43 / 0.45;
        public const double BreakEvenCpuMs = 0.22;
        public const double BreakEvenRequests = 2.2;
    }

    private const double Tolerance = 1e-6;

    /// <summary>Every number of the worked example, as the endpoint answers it.</summary>
    public static void Check(TradeOffResponse answer)
    {
        Assert.Equal(("quick", "x86_64", 2L, 0.2, "fork-exec"), (answer.Size, answer.Architecture, answer.Requests, answer.CpuMs, answer.Native));
        Assert.Equal([new("category:compute", "compute", 3, 0.75), new TradeOffMixResponse("category:memory", "memory", 1, 0.25)], answer.Mix);
        Assert.Equal(["wasmtime", "wasmer"], answer.Rows.Select(r => r.Runtime));
        Assert.Equal(TradeOffModel.Formula, answer.Formula);

        var wasmtime = answer.Rows[0];
        Assert.Equal(TradeOffWorkedExample.Wasmtime.Slowdown, wasmtime.Slowdown.Value, Tolerance);
        Assert.Equal(TradeOffWorkedExample.Wasmtime.Slowdown, wasmtime.Slowdown.Lower, Tolerance);
        Assert.Equal("1.44× native", wasmtime.Slowdown.Text);
        Assert.Equal(["category:compute", "category:memory"], wasmtime.Slowdown.Parts.Select(p => p.Metric));
        Assert.Equal(TradeOffWorkedExample.Wasmtime.AddedProcessMs, wasmtime.ProcessAddedMs!.Value, Tolerance);
        Assert.Equal(TradeOffWorkedExample.Wasmtime.AddedProcessMs / 2, wasmtime.ProcessAddedMsPerRequest!.Value, Tolerance);
        Assert.Equal((20.0, 10.0), (wasmtime.InstanceStartUs!.Value, wasmtime.InstanceStartUsPerRequest!.Value));
        Assert.Equal((500.0, 250.0), (wasmtime.NativeStartUs!.Value, wasmtime.NativeStartUsPerRequest!.Value));
        Assert.Equal((12.0, 1.0), (wasmtime.MemoryFloorMb!.Value, wasmtime.NativeMemoryFloorMb!.Value));
        Assert.Equal(25, wasmtime.InstanceKb!.Value, Tolerance);

        var inHost = wasmtime.InHost!;
        Assert.Equal(-0.48, inHost.AddedStartMs.Value, Tolerance);
        Assert.Equal(TradeOffWorkedExample.Wasmtime.ExtraMsInHost, inHost.ExtraMsPerRequest.Value, Tolerance);
        Assert.Equal(TradeOffWorkedExample.Wasmtime.CostRatioInHost, inHost.CostRatio!.Value, Tolerance);
        Assert.True(inHost.PaysOff);
        Assert.Equal(("below", true), (inHost.BreakEvenCpuMs.PaysOff, inHost.BreakEvenCpuMs.Certain));
        Assert.Equal(TradeOffWorkedExample.Wasmtime.BreakEvenCpuMs, inHost.BreakEvenCpuMs.Value!.Value, Tolerance);
        Assert.Equal(TradeOffWorkedExample.Wasmtime.BreakEvenRequests, inHost.BreakEvenRequests.Value!.Value, Tolerance);
        Assert.Equal(
            "At 0.2 ms per request and 2 requests per instance it costs 0.662× native per request. It pays off below 0.545 ms of CPU per request.",
            inHost.Summary);

        var process = wasmtime.Process!;
        Assert.Equal(TradeOffWorkedExample.Wasmtime.ExtraMsAsProcess, process.ExtraMsPerRequest.Value, Tolerance);
        Assert.False(process.PaysOff);
        Assert.Equal(("never", null), (process.BreakEvenCpuMs.PaysOff, process.BreakEvenCpuMs.Value));

        var wasmer = answer.Rows[1].InHost!;
        Assert.Equal(TradeOffWorkedExample.Wasmer.Slowdown, answer.Rows[1].Slowdown.Value, Tolerance);
        Assert.Equal(TradeOffWorkedExample.Wasmer.ExtraMsInHost, wasmer.ExtraMsPerRequest.Value, Tolerance);
        Assert.Equal(TradeOffWorkedExample.Wasmer.CostRatioInHost, wasmer.CostRatio!.Value, Tolerance);
        Assert.Equal(TradeOffWorkedExample.Wasmer.BreakEvenCpuMs, wasmer.BreakEvenCpuMs.Value!.Value, Tolerance);
        Assert.Equal(TradeOffWorkedExample.Wasmer.BreakEvenRequests, wasmer.BreakEvenRequests.Value!.Value, Tolerance);
    }

    /// <summary>Twenty starts of exactly <paramref name="us"/> microseconds, in nanoseconds.</summary>
    private static long[] Microseconds(long us) => [.. Enumerable.Repeat(us * 1000, 20)];
}
