using System.Globalization;
using System.Net;
using System.Text.Json;
using NearNative.Api.Submissions;
using NearNative.Api.Tests.Fixtures;
using NearNative.Api.Tests.Support;
using NearNative.Domain.Results;

namespace NearNative.Api.Tests.Submissions;

[Collection(OnPostgres.Name)]
public sealed class SampleTests(PostgresFixture fixture) : ApiTest(fixture)
{
    private static readonly Dictionary<string, long> Phases = new() { ["compile"] = 1_500, ["execute"] = 98_000 };

    [Fact]
    public async Task JsonSamplesEqualTheStoredRawSamples()
    {
        var (id, document) = await SubmitAsync();

        var samples = await Client.GetOkAsync<SamplesResponse>($"/api/v1/submissions/{id}/samples");

        Assert.Equal((id, document.Suite.Id, document.Suite.Size), (samples.Submission, samples.Suite, samples.Size));
        Assert.Equal(document.Runtimes.Select(r => (r.Id, r.Name, r.Version)), samples.Runtimes.Select(r => (r.Id, r.Name, r.Version)));
        Assert.Equal(document.Samples.Count, samples.Samples.Count);
        foreach (var (expected, actual) in document.Samples.Zip(samples.Samples))
        {
            Assert.Equal(
                (expected.Round, expected.Workload, expected.Runtime, Kebab(expected.Stage), Kebab(expected.Outcome), expected.KernelNs, expected.WallNs, expected.PeakRssBytes, expected.Checksum),
                (actual.Round, actual.Workload, actual.Runtime, actual.Stage, actual.Outcome, actual.KernelNs, actual.WallNs, actual.PeakRssBytes, actual.Checksum));
            Assert.Equal(expected.PhasesNs?.OrderBy(p => p.Key), actual.PhasesNs?.OrderBy(p => p.Key));
        }

        Assert.Contains(samples.Samples, s => s.Stage == "warmup");
        Assert.Contains(samples.Samples, s => s.Outcome == "checksum-mismatch");
    }

    [Theory]
    [InlineData("?format=csv", null)]
    [InlineData("", "text/csv")]
    [InlineData("", "application/json;q=0.5, text/csv")]
    public async Task CsvSamplesEqualTheStoredRawSamples(string query, string? accept)
    {
        var (id, document) = await SubmitAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/submissions/{id}/samples{query}");
        if (accept is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept", accept);
        }

        using var response = await Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Accept", response.Headers.Vary);
        var rows = Csv.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(SubmissionQueriesApi.SamplesCsvHeader, rows[0]);
        Assert.Equal(document.Samples.Select(Row), rows.Skip(1));
    }

    [Fact]
    public async Task JsonIsTheDefaultAndEachFormatHasItsOwnETag()
    {
        var (id, _) = await SubmitAsync();

        using var json = await Client.GetAsync($"/api/v1/submissions/{id}/samples");
        using var csv = await Client.GetAsync($"/api/v1/submissions/{id}/samples?format=csv");

        Assert.Equal("application/json", json.Content.Headers.ContentType?.MediaType);
        Assert.Equal("public, max-age=31536000, immutable", json.Headers.CacheControl?.ToString());
        Assert.NotEqual(json.Headers.ETag, csv.Headers.ETag);
    }

    [Fact]
    public async Task AMatchingETagGetsNotModifiedFromTheCacheToo()
    {
        var (id, _) = await SubmitAsync();
        using var first = await Client.GetAsync($"/api/v1/submissions/{id}/samples");

        // The first conditional request is answered from the output cache, filled by the first.
        for (var i = 0; i < 2; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/submissions/{id}/samples");
            request.Headers.IfNoneMatch.Add(first.Headers.ETag!);
            using var response = await Client.SendAsync(request);
            Assert.Equal(HttpStatusCode.NotModified, response.StatusCode);
            Assert.Equal(first.Headers.ETag, response.Headers.ETag);
            Assert.Empty(await response.Content.ReadAsByteArrayAsync());
        }
    }

    [Fact]
    public async Task AnUnknownSubmissionIsNotFoundAndABadFormatIsAValidationProblem()
    {
        var (id, _) = await SubmitAsync();

        using var missing = await Client.GetAsync($"/api/v1/submissions/{new string('0', 64)}/samples");
        using var format = await Client.GetAsync($"/api/v1/submissions/{id}/samples?format=xlsx");

        await missing.AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(["format"], (await format.AssertValidationProblemAsync()).Keys);
    }

    [Fact]
    public async Task TheSubmissionAndItsDocumentCarryETagsToo()
    {
        var (id, _) = await SubmitAsync();

        using var submission = await Client.GetAsync($"/api/v1/submissions/{id}");
        using var document = await Client.GetAsync($"/api/v1/submissions/{id}/document");

        Assert.False(submission.Headers.ETag!.IsWeak);
        Assert.Equal("public, max-age=30, stale-while-revalidate=300", submission.Headers.CacheControl?.ToString());
        Assert.Equal("public, max-age=31536000, immutable", document.Headers.CacheControl?.ToString());
        Assert.NotNull(document.Headers.ETag);
    }

    private async Task<(string Id, ResultDocument Document)> SubmitAsync()
    {
        var key = await Client.RegisterNewKeyAsync();
        var document = key.Document().WithPhases(Phases).WithWrongOutput("wasmer", "fib").Build();
        using var response = await Client.SubmitAsync(key, document);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return (json.RootElement.GetProperty("id").GetString()!, document);
    }

    private static string Kebab<T>(T value) where T : Enum => JsonNamingPolicy.KebabCaseLower.ConvertName(value.ToString());

    private static string[] Row(Sample s) =>
    [
        Text(s.Round), s.Workload, s.Runtime, Kebab(s.Stage), Kebab(s.Outcome), Text(s.KernelNs), Text(s.WallNs), Text(s.PeakRssBytes), s.Checksum ?? "",
        s.PhasesNs is null ? "" : string.Join(';', s.PhasesNs.Select(p => $"{p.Key}={Text(p.Value)}")),
    ];

    private static string Text(long? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "";
}
