using System.Security.Cryptography;
using NearNative.Domain.Cpu;
using NearNative.Domain.Results;
using NearNative.Domain.Signing;
using NSec.Cryptography;

namespace NearNative.Bench.ApiThroughput;

/// <summary>
/// Realistic submissions from a population of simulated contributors and machines, derived from real agent documents:
/// each machine has one CPU (brands drawn with a Zipf law, so a few CPU models are common and many are rare), each
/// submission keeps native and a random subset of the document's runtimes, and each machine runs every runtime a
/// little faster or slower (a log-normal factor, 5% spread), so machines' votes differ as they do in life.
/// </summary>
public sealed class SubmissionFactory
{
    private readonly IReadOnlyList<ResultDocument> _bases;
    private readonly IReadOnlyList<Key> _keys;
    private readonly IReadOnlyList<(string MachineId, CpuInfo Cpu)> _machines;
    private readonly Random _random;

    public SubmissionFactory(IReadOnlyList<ResultDocument> bases, IReadOnlyList<Key> keys, int machines, int brands, int seed)
    {
        _bases = bases;
        _keys = keys;
        _random = new Random(seed);
        var cpus = Enumerable.Range(0, brands).Select(i => CpuOf(bases[0].Machine.Cpu, i)).ToList();
        _machines =
        [
            .. Enumerable.Range(0, machines).Select(_ => (
                MachineIdentity.Compute(RandomNumberGenerator.GetBytes(16), Guid.NewGuid().ToString("N")),
                cpus[Zipf(brands)])),
        ];
    }

    /// <summary>The next submission, signed by one of the contributors' keys.</summary>
    public SignedEnvelope Next()
    {
        var document = _bases[_random.Next(_bases.Count)];
        var key = _keys[_random.Next(_keys.Count)];
        var (machineId, cpu) = _machines[_random.Next(_machines.Count)];
        var wasm = document.Runtimes.Where(r => r.Id != RuntimeInfo.NativeId).ToList();
        var kept = wasm.OrderBy(_ => _random.Next()).Take(1 + _random.Next(wasm.Count)).Select(r => r.Id)
            .Append(RuntimeInfo.NativeId).ToHashSet(StringComparer.Ordinal);
        var factors = kept.ToDictionary(id => id, _ => Math.Exp(0.05 * Gaussian()), StringComparer.Ordinal);
        var variant = document with
        {
            KeyId = Ed25519Keys.KeyIdOf(key),
            CreatedAt = DateTimeOffset.UtcNow,
            Nonce = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)),
            Machine = document.Machine with { MachineId = machineId, Cpu = cpu },
            Runtimes = [.. document.Runtimes.Where(r => kept.Contains(r.Id))],
            Samples =
            [
                .. document.Samples.Where(s => kept.Contains(s.Runtime)).Select(s => s with
                {
                    KernelNs = Scale(s.KernelNs, factors[s.Runtime]),
                    WallNs = Scale(s.WallNs, factors[s.Runtime]) ?? s.WallNs,
                }),
            ],
            Skipped = [.. document.Skipped.Where(s => s.Workloads is null || kept.Contains(s.Name))],
            InstanceStarts = [.. document.InstanceStarts.Where(s => kept.Contains(s.Runtime))],
        };
        return EnvelopeSigner.Sign(key, variant);
    }

    private static long? Scale(long? nanoseconds, double factor) =>
        nanoseconds is { } value ? (long)Math.Round(value * factor) : null;

    private static CpuInfo CpuOf(CpuInfo template, int index) => (index % 2) switch
    {
        0 => template with { Vendor = "AuthenticAMD", Brand = $"AMD EPYC {9000 + index} {16 << (index % 3)}-Core Processor" },
        _ => template with { Vendor = "GenuineIntel", Brand = $"Intel(R) Xeon(R) Gold {6000 + index} CPU @ 2.{index % 10}0GHz" },
    };

    /// <summary>A rank from 0 to <paramref name="n"/> - 1 with probability proportional to 1 / (rank + 1).</summary>
    private int Zipf(int n)
    {
        var harmonic = 0.0;
        for (var k = 1; k <= n; k++)
        {
            harmonic += 1.0 / k;
        }

        var target = _random.NextDouble() * harmonic;
        for (var k = 1; k <= n; k++)
        {
            target -= 1.0 / k;
            if (target <= 0)
            {
                return k - 1;
            }
        }

        return n - 1;
    }

    private double Gaussian() =>
        Math.Sqrt(-2 * Math.Log(1 - _random.NextDouble())) * Math.Cos(2 * Math.PI * _random.NextDouble());
}
