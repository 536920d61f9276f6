using System.Net;
using System.Net.Http.Json;
using NearNative.Api.Submissions;
using NearNative.Api.Tests.Fixtures;
using NearNative.Api.Tests.Support;
using NearNative.Domain.Results;

namespace NearNative.Api.Tests.Submissions;

/// <summary>Instance-start measurements at the edge: recomputed from the raw starts when valid, refused field by field when not.</summary>
[Collection(OnPostgres.Name)]
public sealed class InstanceStartValidationTests(PostgresFixture fixture) : ApiTest(fixture)
{
    /// <summary>1, 2, …, 100 µs in nanoseconds.</summary>
    private static readonly long[] OneToHundredUs = [.. Enumerable.Range(1, 100).Select(i => i * 1_000L)];

    [Fact]
    public async Task TheServerRecomputesMicrosecondsAndKilobytesFromTheRawStarts()
    {
        var key = await Client.RegisterNewKeyAsync();
        var document = key.Document().Edit(d => d with
        {
            InstanceStarts =
            [
                new InstanceStart("wasmtime", InstanceStart.InHost, OneToHundredUs, [900_000], 1000, 10_000_000, 34_640_000),
                new InstanceStart(RuntimeInfo.NativeId, InstanceStart.ForkExec, [.. OneToHundredUs.Select(ns => ns + 399_000)], [], 0, null, null),
                InstanceStart.Unavailable(RuntimeInfo.NativeId, InstanceStart.Namespaced, "unshare: Operation not permitted"),
            ],
        }).Build();

        using var response = await Client.SubmitAsync(key, document);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var submission = (await response.Content.ReadFromJsonAsync<SubmissionResponse>())!;
        var wasmtime = submission.Runtimes.Single(r => r.Slug == "wasmtime").InstanceStart!;
        // 1…100 µs: the interval interpolated to 95% (worked out in the Domain's InstanceStartFiguresTests).
        Assert.Equal((50.5, 40.763201, 60.236799), (wasmtime.MedianUs!.Value, Math.Round(wasmtime.MedianUs.Lower, 6), Math.Round(wasmtime.MedianUs.Upper, 6)));
        Assert.Equal(99.01, wasmtime.P99Us!.Value, 9);
        Assert.Equal(24.64, wasmtime.KbPerLiveInstance!.Value, 9);
        Assert.Equal(100, wasmtime.Instances);
        Assert.Null(submission.Runtimes.Single(r => r.Slug == "wasmer").InstanceStart!.MedianUs);
        Assert.Equal(new NativeStartResponse(449.5, null, null), submission.NativeStart);
    }

    [Fact]
    public async Task ABadListIsRefusedWithFieldErrorsAndNothingStored()
    {
        var key = await Client.RegisterNewKeyAsync();
        var document = key.Document().Edit(d => d with
        {
            InstanceStarts =
            [
                new InstanceStart("ghost", InstanceStart.InHost, OneToHundredUs, [], 0, null, null),
                new InstanceStart(RuntimeInfo.NativeId, InstanceStart.InHost, OneToHundredUs, [], 0, null, null),
                new InstanceStart("wasmtime", InstanceStart.InHost, [5_000, -1], [], 0, null, null),
                new InstanceStart("wasmer", InstanceStart.InHost, OneToHundredUs, [], 10, 1_000_000, null),
                new InstanceStart(RuntimeInfo.NativeId, InstanceStart.Namespaced, OneToHundredUs, [], 0, null, null, "not permitted"),
                new InstanceStart("wasmtime", InstanceStart.InHost, OneToHundredUs, [], 0, null, null),
            ],
        }).Build();

        using var response = await Client.SubmitAsync(key, document);

        var errors = await response.AssertValidationProblemAsync();
        Assert.Equal(
            ["instanceStarts[0].runtime", "instanceStarts[1].method", "instanceStarts[2].startNs", "instanceStarts[3].residentBytesAfter", "instanceStarts[4]", "instanceStarts[5]"],
            errors.Keys.Order(StringComparer.Ordinal));
        Assert.Contains("twice", errors["instanceStarts[5]"][0], StringComparison.Ordinal);
        Assert.Equal(0, (await Fixture.CountRowsAsync()).Submissions);
    }

    [Fact]
    public async Task MoreStartsThanTheLimitAreRefused()
    {
        var key = await Client.RegisterNewKeyAsync();
        long[] tooMany = [.. Enumerable.Repeat(1_000L, DocumentLimits.MaxInstanceStartCount + 1)];
        var document = key.Document().Edit(d => d with
        {
            InstanceStarts = [new InstanceStart("wasmtime", InstanceStart.InHost, tooMany, [], 0, null, null)],
        }).Build();

        using var response = await Client.SubmitAsync(key, document);

        Assert.Equal(["instanceStarts[0].startNs"], (await response.AssertValidationProblemAsync()).Keys);
        Assert.Equal(0, (await Fixture.CountRowsAsync()).Submissions);
    }
}
