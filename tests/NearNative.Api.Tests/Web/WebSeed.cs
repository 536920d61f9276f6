using System.Net.Http.Json;
using NearNative.Api.Submissions;
using NearNative.Api.Tests.Support;
using NearNative.Domain.Results;
using NSec.Cryptography;

namespace NearNative.Api.Tests.Web;

/// <summary>
/// Believable data, submitted through the real endpoint with signed documents: four runtimes beside native on five
/// CPUs (three machines on one, a virtual machine, an Arm machine), a quarantined run, a noisy one, and markup in a
/// CPU brand and in a contributor's display name.
/// </summary>
public static class WebSeed
{
    public const string IntelBrand = "Intel(R) Core(TM) i7-9700K CPU @ 3.60GHz";
    public const string AmdBrand = "AMD Ryzen 9 7950X 16-Core Processor";
    public const string VirtualBrand = "Intel Xeon Processor (Cascadelake)";
    public const string ArmBrand = "Neoverse-N1";

    /// <summary>A CPU brand that would run script if a page put it into the document as markup.</summary>
    public const string MarkupBrand = "<script>window.__pwned = 1</script><b>Bold</b> CPU";

    /// <summary>A display name that would load an image and run its handler if a page put it in as markup.</summary>
    public const string MarkupName = "<img src=x onerror=\"window.__pwned=1\">Mallory";

    public const string IntelKey = "x86_64/genuineintel/intel-core-i7-9700k/6-158-12/none";

    /// <summary>Per runtime: kernel ratio on fib (compute), interp (branchy) and sha256 (memory), start-up ratio, empty-program RSS.</summary>
    private static readonly (string Id, string Name, string Version, double Fib, double Interp, double Sha, double Startup, long FloorBytes)[] Runtimes =
    [
        ("wasm2c", "wasm2c", "1.0.34", 1.08, 1.22, 1.12, 1.6, 2_600_000),
        ("node", "node", "20.19.2", 1.45, 2.10, 1.70, 38, 44_000_000),
    ];

    public static async Task<SeededData> SubmitAsync(HttpClient client)
    {
        var key = await client.RegisterNewKeyAsync();
        var intel = new List<SubmissionResponse>();

        // Three machines on the same CPU, each a little different, as real machines are.
        foreach (var (machine, factor) in new[] { ("desk-1", 1.00), ("desk-2", 1.04), ("desk-3", 0.97) })
        {
            intel.Add(await client.SubmitCreatedAsync(key, Document(key, machine, factor).WithCpu("GenuineIntel", IntelBrand)));
        }

        await client.SubmitCreatedAsync(key, Document(key, "ryzen-1", 0.92).WithCpu("AuthenticAMD", AmdBrand));
        await client.SubmitCreatedAsync(key, Document(key, "ryzen-2", 0.95).WithCpu("AuthenticAMD", AmdBrand));
        await client.SubmitCreatedAsync(key, Document(key, "cloud-1", 1.10).WithCpu("GenuineIntel", VirtualBrand));
        await client.SubmitCreatedAsync(key, Document(key, "graviton-1", 1.06).WithCpu("ARM", ArmBrand).WithArchitecture("aarch64"));
        await client.SubmitCreatedAsync(key, Document(key, "desk-2", 1.3).WithCpu("GenuineIntel", IntelBrand).Noisy());

        // Far outside what any runtime does: kept, shown and counted nowhere.
        var quarantined = await client.SubmitCreatedAsync(key, Document(key, "odd-1", 1).WithCpu("GenuineIntel", IntelBrand).WithWorkloadRatio("wasmer", "fib", 2000));

        var markupCpu = await client.SubmitCreatedAsync(key, Document(key, "markup-1", 1).WithCpu("GenuineIntel", MarkupBrand));
        var named = SigningHelpers.CreateKey();
        using (var registered = await client.PostAsJsonAsync("/api/v1/keys", SigningHelpers.RegistrationFor(named, MarkupName)))
        {
            registered.EnsureSuccessStatusCode();
        }

        var byNamedKey = await client.SubmitCreatedAsync(named, Document(named, "desk-1", 1.01).WithCpu("GenuineIntel", IntelBrand));
        return new SeededData(intel[0], quarantined, markupCpu, byNamedKey);
    }

    /// <summary>A full-size run on one machine; <paramref name="factor"/> scales every kernel ratio, as a slower memory system would.</summary>
    public static ResultDocumentBuilder Document(Key key, string machine, double factor)
    {
        var document = key.Document()
            .WithSize("full")
            .OnMachine(machine)
            .WithWorkloadRatio("wasmtime", "fib", 1.12 * factor)
            .WithWorkloadRatio("wasmtime", "interp", 1.38 * factor)
            .WithWorkloadRatio("wasmtime", "sha256", 1.21 * factor)
            .WithWorkloadRatio("wasmer", "fib", 1.18 * factor)
            .WithWorkloadRatio("wasmer", "interp", 1.55 * factor)
            .WithWorkloadRatio("wasmer", "sha256", 1.34 * factor)
            .WithStartupRatio("wasmtime", 6)
            .WithStartupRatio("wasmer", 9)
            .WithEmptyPeakRss("native", 1_400_000)
            .WithEmptyPeakRss("wasmtime", 14_000_000)
            .WithEmptyPeakRss("wasmer", 31_000_000)
            .WithMemoryRatio("wasmtime", 1.3)
            .WithMemoryRatio("wasmer", 1.6)
            .Edit(d => d with
            {
                InstanceStarts =
                [
                    new InstanceStart("wasmtime", InstanceStart.InHost, Starts(18 * factor), [], 1000, 10_000_000, 38_000_000),
                    new InstanceStart("wasmer", InstanceStart.InHost, Starts(55 * factor), [], 1000, 10_000_000, 110_000_000),
                    new InstanceStart(RuntimeInfo.NativeId, InstanceStart.ForkExec, Starts(480 * factor), [], 0, null, null),
                    new InstanceStart(RuntimeInfo.NativeId, InstanceStart.PosixSpawn, Starts(310 * factor), [], 0, null, null),
                    new InstanceStart(RuntimeInfo.NativeId, InstanceStart.Namespaced, Starts(2900 * factor), [], 0, null, null),
                ],
            });
        foreach (var runtime in Runtimes)
        {
            document = document
                .WithRuntime(runtime.Id, runtime.Name, runtime.Fib * factor, version: runtime.Version)
                .WithWorkloadRatio(runtime.Id, "fib", runtime.Fib * factor)
                .WithWorkloadRatio(runtime.Id, "interp", runtime.Interp * factor)
                .WithWorkloadRatio(runtime.Id, "sha256", runtime.Sha * factor)
                .WithStartupRatio(runtime.Id, runtime.Startup)
                .WithEmptyPeakRss(runtime.Id, runtime.FloorBytes);
        }

        return document;
    }

    /// <summary>Twenty starts of about <paramref name="us"/> microseconds each, in nanoseconds.</summary>
    private static long[] Starts(double us) => [.. Enumerable.Range(0, 20).Select(i => (long)Math.Round(us * 1000 * (1 + (0.01 * (i % 5)))))];
}

/// <param name="Intel">An accepted full-size run on the Intel CPU with three machines.</param>
/// <param name="Quarantined">A run quarantined for an implausible figure.</param>
/// <param name="MarkupCpu">A run whose CPU brand is markup.</param>
/// <param name="ByNamedKey">A run signed by the key whose display name is markup.</param>
public sealed record SeededData(SubmissionResponse Intel, SubmissionResponse Quarantined, SubmissionResponse MarkupCpu, SubmissionResponse ByNamedKey);
