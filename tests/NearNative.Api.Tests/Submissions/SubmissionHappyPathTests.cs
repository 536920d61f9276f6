using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using NearNative.Api.Data;
using NearNative.Api.Submissions;
using NearNative.Api.Tests.Fixtures;
using NearNative.Api.Tests.Support;
using NearNative.Domain.Results;
using NearNative.Domain.Signing;

namespace NearNative.Api.Tests.Submissions;

/// <summary>The core path, run against every database provider the API supports.</summary>
public abstract class SubmissionHappyPathTests(ApiFixture fixture) : ApiTest(fixture)
{
    private const double Tolerance = 1e-9;

    [Fact]
    public async Task ASignedDocumentIsCreatedWithRatiosRecomputedFromItsSamples()
    {
        var key = await Client.RegisterNewKeyAsync();
        var document = key.Document().WithRatio("wasmtime", 1.5).WithRatio("wasmer", 2.0).Build();
        var envelope = SigningHelpers.CreateSignedEnvelope(key, document);
        var expectedId = Convert.ToHexStringLower(SHA256.HashData(Convert.FromBase64String(envelope.Document)));

        using var response = await Client.SubmitAsync(envelope);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal($"/api/v1/submissions/{expectedId}", response.Headers.Location?.OriginalString);
        var submission = (await response.Content.ReadFromJsonAsync<SubmissionResponse>())!;
        Assert.Equal(expectedId, submission.Id);
        Assert.Equal("accepted", submission.Status);
        Assert.Null(submission.QuarantineReason);
        Assert.Equal("x86_64/genuineintel/intel-core-i7-9700k/6-158-12/none", submission.CpuKey);
        Assert.Equal(["wasmtime", "wasmer"], submission.Runtimes.Select(r => r.Slug));

        var wasmtime = submission.Runtimes[0];
        Assert.Equal(1.5, wasmtime.Execution!.Value, Tolerance);
        Assert.Equal("1.50×", wasmtime.Slowdown);
        Assert.Equal(67, wasmtime.SpeedPercent);
        Assert.True(wasmtime.Complete);
        Assert.Equal(ResultDocumentBuilder.StartupRatio, wasmtime.Startup.Ratio!.Value, Tolerance);
        Assert.Equal(4.0018, wasmtime.Startup.OverheadMs!.Value, 1e-9);
        Assert.Equal(["fib", "interp", "sha256", "empty", "inittable", "inittable.preinit"], wasmtime.Workloads.Select(w => w.Workload));
        Assert.All(wasmtime.Workloads, w => Assert.Equal(("ok", 10), (w.Status, w.Pairs)));
        Assert.All(wasmtime.Workloads.Where(w => w.Category != "startup"), w => Assert.Equal(1.5, w.Ratio!.Value, Tolerance));

        var wasmer = submission.Runtimes[1];
        Assert.Equal(2.0, wasmer.Execution!.Value, Tolerance);
        Assert.Equal("2.00×", wasmer.Slowdown);
        Assert.Equal(50, wasmer.SpeedPercent);
        Assert.Equal("cranelift", wasmer.Settings["backend"]);
    }

    [Fact]
    public async Task TheNewFiguresRoundTripThroughSubmitAndGet()
    {
        var key = await Client.RegisterNewKeyAsync();
        var document = key.Document()
            .WithRatio("wasmtime", 1.5)
            .WithWorkloadRatio("wasmtime", "interp", 3.0)
            .WithMemoryRatio("wasmtime", 1.25)
            .WithStartupRatio("wasmtime", 8)
            .WithPreinitGain("wasmtime", 4)
            .WithPhases(new Dictionary<string, long> { ["compile"] = 1_000, ["execute"] = 2_000 })
            .Build();

        using var created = await Client.SubmitAsync(key, document);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var submitted = (await created.Content.ReadFromJsonAsync<SubmissionResponse>())!;
        using var read = await Client.GetAsync(created.Headers.Location);
        var stored = (await read.Content.ReadFromJsonAsync<SubmissionResponse>())!;

        // Everything read back from the database equals what the submission answered, field by field.
        Assert.Equal(JsonSerializer.Serialize(submitted), JsonSerializer.Serialize(stored));

        var wasmtime = stored.Runtimes.Single(r => r.Slug == "wasmtime");
        Assert.Equal(Math.Cbrt(1.5 * 3.0 * 1.5), wasmtime.Execution!.Value, Tolerance);
        Assert.Equal(
            [("compute", 1.5), ("branchy", 3.0), ("memory", 1.5)],
            wasmtime.Categories.Select(c => (c.Category, Math.Round(c.Ratio!.Value, 9))));

        // Whole-process time is kernel plus 1 ms on both sides; ratios grow with the round's kernel time,
        // so the median of ten rounds is the mean of rounds 4 and 5.
        static double Process(double ratio) => (ProcessRatio(4, ratio) + ProcessRatio(5, ratio)) / 2;
        Assert.Equal(Math.Cbrt(Process(1.5) * Process(3.0) * Process(1.5)), wasmtime.Process!.Value, Tolerance);
        Assert.Equal(1.25, wasmtime.Memory!.Value, Tolerance);
        Assert.Equal((8.0, 8.0, 8.0), (wasmtime.Startup.Ratio!.Value, wasmtime.Startup.Lower!.Value, wasmtime.Startup.Upper!.Value));
        Assert.Equal(4.0, wasmtime.PreinitGain!.Value, Tolerance);
        Assert.True(wasmtime.PreinitGain.Lower <= 4.0 && 4.0 <= wasmtime.PreinitGain.Upper);

        var interp = wasmtime.Workloads.Single(w => w.Workload == "interp");
        Assert.Equal(Process(3.0), interp.Process!.Value, Tolerance);
        Assert.Equal(1.25, interp.Memory!.Value, Tolerance);
        Assert.Equal(0, interp.Outliers);
        Assert.Null(interp.Multimodal);
        var twin = wasmtime.Workloads.Single(w => w.Workload == ResultDocumentBuilder.PreinitTwin);
        Assert.Equal((2.0, 1.25), (twin.Ratio!.Value, twin.Memory!.Value));
    }

    [Fact]
    public async Task SubmissionsStoredBeforeTheNewFiguresStillRead()
    {
        var key = await Client.RegisterNewKeyAsync();
        using var created = await Client.SubmitAsync(key, key.Document().Build());

        // What a row written by the first release looks like once migrated: the new figures null, the start-up ratio
        // a point without an interval of its own (its interval columns came later), no category rows.
        await Fixture.WithDatabaseAsync(async db =>
        {
            await db.CategoryResults.ExecuteDeleteAsync();
            await db.WorkloadResults.ExecuteUpdateAsync(w => w
                .SetProperty(x => x.Process, (Figure?)null)
                .SetProperty(x => x.Memory, (Figure?)null)
                .SetProperty(x => x.Outliers, (int?)null)
                .SetProperty(x => x.Multimodal, (bool?)null));
            return await db.RuntimeResults.ExecuteUpdateAsync(r => r
                .SetProperty(x => x.Process, (Figure?)null)
                .SetProperty(x => x.Memory, (Figure?)null)
                .SetProperty(x => x.StartupRatio, Figure.Point(ResultDocumentBuilder.StartupRatio))
                .SetProperty(x => x.PreinitGain, (Figure?)null));
        });

        using var response = await Client.GetAsync(created.Headers.Location);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var wasmtime = (await response.Content.ReadFromJsonAsync<SubmissionResponse>())!.Runtimes[0];
        Assert.Equal(1.5, wasmtime.Execution!.Value, Tolerance);
        Assert.Equal((null, null, null), (wasmtime.Process, wasmtime.Memory, wasmtime.PreinitGain));
        Assert.Equal((ResultDocumentBuilder.StartupRatio, null, null), (wasmtime.Startup.Ratio, wasmtime.Startup.Lower, wasmtime.Startup.Upper));
        Assert.Empty(wasmtime.Categories);
        Assert.All(wasmtime.Workloads, w => Assert.Equal((null, null, null, null), (w.Process, w.Memory, w.Outliers, w.Multimodal)));
    }

    [Fact]
    public async Task SubmittingTheSameBytesTwiceStoresOneRow()
    {
        var key = await Client.RegisterNewKeyAsync();
        var envelope = SigningHelpers.CreateSignedEnvelope(key, key.Document().Build());

        using var first = await Client.SubmitAsync(envelope);
        using var second = await Client.SubmitAsync(envelope);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        var created = await first.Content.ReadFromJsonAsync<SubmissionResponse>();
        var replayed = await second.Content.ReadFromJsonAsync<SubmissionResponse>();
        Assert.Equal(created!.Id, replayed!.Id);
        Assert.Equal(created.ReceivedAt, replayed.ReceivedAt);
        Assert.Equal(new RowCounts(1, 1, 2, 12), await Fixture.CountRowsAsync());
    }

    [Fact]
    public async Task ConcurrentCopiesOfTheSameBytesStoreOneRow()
    {
        var key = await Client.RegisterNewKeyAsync();
        var envelope = SigningHelpers.CreateSignedEnvelope(key, key.Document().Build());

        var responses = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Client.SubmitAsync(envelope)));

        // One created, five answered with the stored row; compared as a list so a failure shows every status.
        Assert.Equal(
            [HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.Created],
            responses.Select(r => r.StatusCode).Order());
        Assert.Equal(1, (await Fixture.CountRowsAsync()).Submissions);
        foreach (var response in responses)
        {
            response.Dispose();
        }
    }

    [Fact]
    public async Task AStoredSubmissionCanBeReadBack()
    {
        var key = await Client.RegisterNewKeyAsync();
        using var created = await Client.SubmitAsync(key, key.Document().Build());
        var submission = await created.Content.ReadFromJsonAsync<SubmissionResponse>();

        using var response = await Client.GetAsync(created.Headers.Location);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var read = await response.Content.ReadFromJsonAsync<SubmissionResponse>();
        Assert.Equal(submission!.Id, read!.Id);
        Assert.Equal(submission.Runtimes.Select(r => r.Execution), read.Runtimes.Select(r => r.Execution));
    }

    [Fact]
    public async Task TheStoredEnvelopeIsTheExactSignedBytesAndVerifies()
    {
        var key = await Client.RegisterNewKeyAsync();
        var envelope = SigningHelpers.CreateSignedEnvelope(key, key.Document().Build());
        using var created = await Client.SubmitAsync(envelope);

        using var response = await Client.GetAsync($"{created.Headers.Location}/document");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var stored = (await response.Content.ReadFromJsonAsync<SignedEnvelope>())!;
        Assert.Equal(envelope, stored);
        Assert.True(Ed25519Keys.VerifyResult(
            Ed25519Keys.RawPublicKey(key), Convert.FromBase64String(stored.Document), Convert.FromBase64String(stored.Signature)));
        Assert.Equal(ResultDocument.CurrentSchema, ResultJson.Deserialize(Convert.FromBase64String(stored.Document)).Schema);
    }

    [Fact]
    public async Task AnUnknownSubmissionIsNotFound()
    {
        using var response = await Client.GetAsync($"/api/v1/submissions/{new string('0', 64)}");

        await response.AssertProblemAsync(HttpStatusCode.NotFound);
    }

    private static double ProcessRatio(int round, double ratio)
    {
        var kernel = 200_000_000L + (round * 2_000L);
        return (Math.Round(kernel * ratio) + 1_000_000) / (kernel + 1_000_000);
    }
}

[Collection(OnPostgres.Name)]
public sealed class PostgresSubmissionHappyPathTests(PostgresFixture fixture) : SubmissionHappyPathTests(fixture);

/// <summary>SQLite is the embedded default in its own right, not a stand-in for PostgreSQL.</summary>
[Collection(OnSqlite.Name)]
public sealed class SqliteSubmissionHappyPathTests(SqliteFixture fixture) : SubmissionHappyPathTests(fixture);
