using System.Net.Http.Json;
using NearNative.Api.Tests.Support;
using NearNative.Domain.Results;
using NearNative.Domain.Signing;
using NSec.Cryptography;

namespace NearNative.Soak.Load;

/// <summary>
/// The simulated contributors (each with a registered Ed25519 key) and their machines: several CPU models, two
/// architectures, each machine with its own ratio per runtime that its runs scatter around, and now and then a noisy run.
/// </summary>
public sealed class Population : IDisposable
{
    private static readonly (string Architecture, string Vendor, string Brand)[] Cpus =
    [
        ("x86_64", "GenuineIntel", "Intel(R) Core(TM) i7-9700K CPU @ 3.60GHz"),
        ("x86_64", "GenuineIntel", "Intel(R) Xeon(R) Gold 6248 CPU @ 2.50GHz"),
        ("x86_64", "AuthenticAMD", "AMD Ryzen 9 5950X 16-Core Processor"),
        ("x86_64", "AuthenticAMD", "AMD EPYC 7763 64-Core Processor"),
        ("aarch64", "ARM", "Neoverse-N1"),
    ];

    private readonly List<Contributor> _contributors;

    private Population(List<Contributor> contributors) => _contributors = contributors;

    public IReadOnlyList<Contributor> Contributors => _contributors;

    /// <summary>Creates and registers the contributors' keys (through the given API) and gives each a few machines.</summary>
    public static async Task<Population> RegisterAsync(HttpClient api, int contributors, int machinesEach, int seed)
    {
        var random = new Random(seed);
        var list = new List<Contributor>();
        for (var c = 0; c < contributors; c++)
        {
            var key = Ed25519Keys.Create();
            using var response = await api.PostAsJsonAsync(new Uri("api/v1/keys", UriKind.Relative), KeyRegistrationRequest.For(key, $"soak contributor {c}"));
            response.EnsureSuccessStatusCode();
            var machines = Enumerable.Range(0, machinesEach)
                .Select(m => new Machine($"soak-{seed}-{c}-{m}", Cpus[random.Next(Cpus.Length)], 1.2 + (random.NextDouble() * 0.5), 1.6 + (random.NextDouble() * 0.6)))
                .ToList();
            list.Add(new Contributor(key, machines));
        }

        return new Population(list);
    }

    /// <summary>A new run of a random machine, signed by its contributor: new nonce, new bytes.</summary>
    public (SignedEnvelope Envelope, SentSubmission Sent) NextRun(Random random)
    {
        var contributor = _contributors[random.Next(_contributors.Count)];
        var document = NextDocument(contributor, random);
        var envelope = EnvelopeSigner.Sign(contributor.Key, document);
        var id = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Convert.FromBase64String(envelope.Document)));
        return (envelope, new SentSubmission(id, document.KeyId, document.Nonce, document.Runtimes.Count(r => !r.IsNative)));
    }

    /// <summary>An unsigned run of a random machine, for the agent's own submit code to sign.</summary>
    public (ResultDocument Document, Key Key) NextUnsignedRun(Random random)
    {
        var contributor = _contributors[random.Next(_contributors.Count)];
        return (NextDocument(contributor, random), contributor.Key);
    }

    public void Dispose()
    {
        foreach (var contributor in _contributors)
        {
            contributor.Key.Dispose();
        }
    }

    private static ResultDocument NextDocument(Contributor contributor, Random random)
    {
        var machine = contributor.Machines[random.Next(contributor.Machines.Count)];
        double Scatter(double ratio) => ratio * (1 + ((random.NextDouble() - 0.5) * 0.04));
        var builder = new ResultDocumentBuilder(Ed25519Keys.KeyIdOf(contributor.Key))
            .OnMachine(machine.Name)
            .WithCpu(machine.Cpu.Vendor, machine.Cpu.Brand)
            .WithArchitecture(machine.Cpu.Architecture)
            .WithRatio("wasmtime", Scatter(machine.Wasmtime))
            .WithRatio("wasmer", Scatter(machine.Wasmer))
            .WithWorkloadRatio("wasmtime", "sha256", Scatter(machine.Wasmtime * 1.1));
        if (random.NextDouble() < 0.1)
        {
            builder.Noisy();
        }

        return builder.Build();
    }
}

public sealed record Contributor(Key Key, IReadOnlyList<Machine> Machines);

/// <param name="Wasmtime">The machine's own ratio of wasmtime to native, around which its runs scatter.</param>
public sealed record Machine(string Name, (string Architecture, string Vendor, string Brand) Cpu, double Wasmtime, double Wasmer);
