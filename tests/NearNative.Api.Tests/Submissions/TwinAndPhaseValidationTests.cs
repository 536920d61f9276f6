using System.Net;
using System.Net.Http.Json;
using NearNative.Api.Submissions;
using NearNative.Api.Tests.Fixtures;
using NearNative.Api.Tests.Support;
using NearNative.Domain.Results;

namespace NearNative.Api.Tests.Submissions;

/// <summary>Pre-initialised twins, in-process phases and custom suites at the edge.</summary>
[Collection(OnPostgres.Name)]
public sealed class TwinAndPhaseValidationTests(PostgresFixture fixture) : ApiTest(fixture)
{
    [Fact]
    public async Task ATwinWorkloadIsAcceptedAndItsRatioStored()
    {
        var key = await Client.RegisterNewKeyAsync();
        var document = key.Document().WithStartupRatio("wasmtime", 6).WithPreinitGain("wasmtime", 3).Build();

        using var response = await Client.SubmitAsync(key, document);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var wasmtime = (await response.Content.ReadFromJsonAsync<SubmissionResponse>())!.Runtimes.Single(r => r.Slug == "wasmtime");
        var twin = wasmtime.Workloads.Single(w => w.Workload == ResultDocumentBuilder.PreinitTwin);

        // The twin is compared with native's plain inittable: 6× native, 3× faster again, so 2×.
        Assert.Equal(("startup", "ok", 10), (twin.Category, twin.Status, twin.Pairs));
        Assert.Equal(2.0, twin.Ratio!.Value, 1e-9);
        Assert.Equal(6.0, wasmtime.Workloads.Single(w => w.Workload == "inittable").Ratio!.Value, 1e-9);
        Assert.Equal(3.0, wasmtime.PreinitGain!.Value, 1e-9);
        Assert.Equal(12, (await Fixture.CountRowsAsync()).Workloads);
    }

    [Fact]
    public async Task AheadOfTimeCompileTimesAreAcceptedWithinBounds()
    {
        var key = await Client.RegisterNewKeyAsync();
        var document = key.Document().Edit(d => d with
        {
            Runtimes = [.. d.Runtimes.Select(r => r.IsNative ? r : r with { CompileNs = new Dictionary<string, long> { ["fib"] = 1_500_000_000 } })],
        }).Build();

        using var response = await Client.SubmitAsync(key, document);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Fact]
    public async Task ANegativeCompileTimeIsRefusedWithAFieldError()
    {
        var key = await Client.RegisterNewKeyAsync();
        var document = key.Document().Edit(d => d with
        {
            Runtimes = [.. d.Runtimes.Select((r, i) => i == 1 ? r with { CompileNs = new Dictionary<string, long> { ["fib"] = -1 } } : r)],
        }).Build();

        using var response = await Client.SubmitAsync(key, document);

        var errors = await response.AssertValidationProblemAsync();
        Assert.Equal(["runtimes[1].compileNs"], errors.Keys);
        Assert.Equal(0, (await Fixture.CountRowsAsync()).Submissions);
    }

    [Fact]
    public async Task ATwinOfAWorkloadWithoutOneIsRefused()
    {
        var key = await Client.RegisterNewKeyAsync();
        var document = key.Document().Edit(d => d with
        {
            Samples = [.. d.Samples.Select((s, i) => i == 7 ? s with { Workload = "fib.preinit" } : s)],
        }).Build();

        using var response = await Client.SubmitAsync(key, document);

        var errors = await response.AssertValidationProblemAsync();
        Assert.Equal(["samples[7].workload"], errors.Keys);
        Assert.Contains("not a workload of suite", errors["samples[7].workload"][0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task NativeSamplesOfATwinAreRefused()
    {
        var key = await Client.RegisterNewKeyAsync();
        var document = key.Document().Edit(d =>
        {
            var index = d.Samples.ToList().FindIndex(s => s.Workload == ResultDocumentBuilder.PreinitTwin);
            return d with
            {
                Samples = [.. d.Samples.Select((s, i) => i == index ? s with { Runtime = RuntimeInfo.NativeId } : s)],
            };
        }).Build();

        using var response = await Client.SubmitAsync(key, document);

        var errors = await response.AssertValidationProblemAsync();
        var error = Assert.Single(errors).Value.Single();
        Assert.Contains("native baseline runs 'inittable'", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PhasesAreAccepted()
    {
        var key = await Client.RegisterNewKeyAsync();
        var phases = new Dictionary<string, long>
        {
            ["engine"] = 0,
            ["compile"] = 12_000_000,
            ["instantiate"] = 300_000,
            ["execute"] = DocumentLimits.MaxNanoseconds - 1,
            ["a-32-character-phase-name-ok-123"] = 1,
        };

        using var response = await Client.SubmitAsync(key, key.Document().WithPhases(phases).Build());

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Theory]
    [InlineData("nine-phases")]
    [InlineData("Compile")]
    [InlineData("1st")]
    [InlineData("compile_time")]
    [InlineData("a-33-character-phase-name-too-long")]
    [InlineData("negative")]
    [InlineData("an-hour")]
    public async Task PhaseBoundsAreEnforcedAsFieldErrors(string breach)
    {
        var phases = breach switch
        {
            "nine-phases" => Enumerable.Range(0, 9).ToDictionary(i => $"phase{i}", i => (long)i),
            "negative" => new Dictionary<string, long> { ["compile"] = -1 },
            "an-hour" => new Dictionary<string, long> { ["compile"] = DocumentLimits.MaxNanoseconds },
            _ => new Dictionary<string, long> { [breach] = 1 },
        };
        var key = await Client.RegisterNewKeyAsync();
        var document = key.Document().Edit(d => d with
        {
            Samples = [.. d.Samples.Select((s, i) => i == 12 ? s with { PhasesNs = phases } : s)],
        }).Build();

        using var response = await Client.SubmitAsync(key, document);

        var errors = await response.AssertValidationProblemAsync();
        Assert.Equal(["samples[12].phasesNs"], errors.Keys);
        Assert.Equal(0, (await Fixture.CountRowsAsync()).Submissions);
    }

    [Theory]
    [InlineData("custom", "custom")]
    [InlineData("custom-my-modules", "quick")]
    public async Task CustomSuitesAreRefusedOnTheSuiteId(string suite, string size)
    {
        var key = await Client.RegisterNewKeyAsync();
        var document = key.Document().Edit(d => d with
        {
            Suite = new SuiteReference(suite, size),
            Run = d.Run with { CustomModuleSha256 = new string('a', 64) },
        }).Build();

        using var response = await Client.SubmitAsync(key, document);

        var errors = await response.AssertValidationProblemAsync();
        Assert.Equal(["suite.id"], errors.Keys);
        Assert.Contains($"Custom suite '{suite}' cannot be submitted", errors["suite.id"][0], StringComparison.Ordinal);
    }
}
