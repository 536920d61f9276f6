using System.Net;
using System.Net.Http.Headers;
using Microsoft.EntityFrameworkCore;
using NearNative.Api.Submissions;
using NearNative.Api.Tests.Fixtures;
using NearNative.Api.Tests.Support;
using NearNative.Domain.Signing;

namespace NearNative.Api.Tests.Submissions;

[Collection(OnPostgres.Name)]
public sealed class SubmissionListTests(PostgresFixture fixture) : ApiTest(fixture)
{
    [Fact]
    public async Task PaginationWalksEverySubmissionExactlyOnceWhileOthersArrive()
    {
        var key = await Client.RegisterNewKeyAsync();
        var before = new List<string>();
        for (var i = 0; i < 12; i++)
        {
            before.Add((await Client.SubmitCreatedAsync(key, key.Document().OnMachine($"m{i}"))).Id);
        }

        // Submissions keep arriving, on their own connection, while the walk reads page after page.
        using var writer = Fixture.CreateClient();
        using var stop = new CancellationTokenSource();
        var arriving = Task.Run(async () =>
        {
            var stored = new List<string>();
            for (var i = 0; i < 8 && !stop.IsCancellationRequested; i++)
            {
                stored.Add((await writer.SubmitCreatedAsync(key, key.Document().OnMachine($"late{i}"))).Id);
            }

            return stored;
        });

        // Besides those, one more arrives between every two pages for certain, which an offset would turn into a repeat.
        var between = new List<string>();
        var seen = new List<SubmissionSummaryResponse>();
        string? next = "/api/v1/submissions?limit=3";
        while (next is not null)
        {
            var page = await Client.GetOkAsync<SubmissionPageResponse>(next);
            Assert.True(page.Items.Count <= 3);
            seen.AddRange(page.Items);
            next = page.Next;
            between.Add((await Client.SubmitCreatedAsync(key, key.Document().OnMachine($"between{between.Count}"))).Id);
        }

        await stop.CancelAsync();
        var late = (await arriving).Concat(between).ToList();

        var ids = seen.Select(s => s.Id).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.All(before, id => Assert.Single(ids, id));
        Assert.Subset(before.Concat(late).ToHashSet(), ids.ToHashSet());
        Assert.Equal(seen.OrderByDescending(s => s.ReceivedAt).ThenByDescending(s => s.Id, StringComparer.Ordinal).Select(s => s.Id), ids);
    }

    [Fact]
    public async Task FiltersNarrowTheList()
    {
        var alice = await Client.RegisterNewKeyAsync();
        var bob = await Client.RegisterNewKeyAsync();
        var intel = await Client.SubmitCreatedAsync(alice, alice.Document());
        var amd = await Client.SubmitCreatedAsync(alice, alice.Document().WithCpu("AuthenticAMD", "AMD Ryzen 9 5950X 16-Core Processor"));
        var other = await Client.SubmitCreatedAsync(bob, bob.Document().WithRuntime("wazero", "wazero", 1.3));
        var quarantined = await Client.SubmitCreatedAsync(bob, bob.Document().WithRatio("wasmer", 5000));
        Assert.Equal("quarantined", quarantined.Status);

        Assert.Equal([quarantined.Id, other.Id], await Client.WalkSubmissionsAsync($"/api/v1/submissions?keyId={Ed25519Keys.KeyIdOf(bob)}"));
        Assert.Equal([amd.Id], await Client.WalkSubmissionsAsync($"/api/v1/submissions?cpu={amd.CpuKey}"));
        Assert.Equal([other.Id], await Client.WalkSubmissionsAsync("/api/v1/submissions?runtime=wazero"));
        Assert.Equal([quarantined.Id], await Client.WalkSubmissionsAsync("/api/v1/submissions?status=quarantined"));
        Assert.Equal([other.Id, amd.Id, intel.Id], await Client.WalkSubmissionsAsync("/api/v1/submissions?status=accepted"));
        Assert.Empty(await Client.WalkSubmissionsAsync($"/api/v1/submissions?status=accepted&runtime=wazero&cpu={amd.CpuKey}"));
    }

    [Fact]
    public async Task InvalidQueryParametersAreProblemDetailsNamingEachParameter()
    {
        using var response = await Client.GetAsync("/api/v1/submissions?limit=500&cursor=abc&status=lost&keyId=nope&runtime=Has%20Space&format=xml&cpu=%01");

        var errors = await response.AssertValidationProblemAsync();

        Assert.Equal(["cpu", "cursor", "format", "keyId", "limit", "runtime", "status"], errors.Keys.Order(StringComparer.Ordinal));
        Assert.Contains("200", errors["limit"].Single(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("limit=0")]
    [InlineData("limit=ten")]
    [InlineData("limit=-1")]
    [InlineData("limit=1e2")]
    public async Task APageSizeOutsideOneToTwoHundredIsRefused(string query)
    {
        using var response = await Client.GetAsync($"/api/v1/submissions?{query}");

        Assert.Equal(["limit"], (await response.AssertValidationProblemAsync()).Keys);
    }

    [Fact]
    public async Task TheListAnswersWithAStrongETagAndCacheControlAndNotModified()
    {
        var key = await Client.RegisterNewKeyAsync();
        await Client.SubmitCreatedAsync(key, key.Document());

        using var first = await Client.GetAsync("/api/v1/submissions");
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var etag = first.Headers.ETag!;
        Assert.False(etag.IsWeak);
        Assert.Equal("public, max-age=30, stale-while-revalidate=300", first.Headers.CacheControl?.ToString());

        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/submissions");
        request.Headers.IfNoneMatch.Add(etag);
        using var second = await Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
        Assert.Equal(etag, second.Headers.ETag);

        // A new submission changes the list, so the old tag no longer matches.
        await Client.SubmitCreatedAsync(key, key.Document().OnMachine("another"));
        using var again = new HttpRequestMessage(HttpMethod.Get, "/api/v1/submissions");
        again.Headers.IfNoneMatch.Add(etag);
        using var third = await Client.SendAsync(again);
        Assert.Equal(HttpStatusCode.OK, third.StatusCode);
        Assert.NotEqual(etag, third.Headers.ETag);
    }

    [Fact]
    public async Task ACpuNameWithMarkupStaysTextInJsonAndCsv()
    {
        const string brand = "<img src=x onerror=alert(1)> \"Zen\" & co, 5GHz";
        const string formula = "=HYPERLINK(\"http://x\",\"cpu\")";
        var key = await Client.RegisterNewKeyAsync();
        var markup = await Client.SubmitCreatedAsync(key, key.Document().WithCpu("AuthenticAMD", brand));
        await Client.SubmitCreatedAsync(key, key.Document().WithCpu("AuthenticAMD", formula).OnMachine("spreadsheet"));

        var page = await Client.GetOkAsync<SubmissionPageResponse>("/api/v1/submissions");
        Assert.Equal(brand, page.Items.Single(s => s.Id == markup.Id).CpuBrand);
        Assert.Equal(formula, page.Items.Single(s => s.Id != markup.Id).CpuBrand);

        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/submissions");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/csv"));
        using var csv = await Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        var rows = Csv.Parse(await csv.Content.ReadAsStringAsync());
        Assert.Equal(SubmissionQueriesApi.ListCsvHeader, rows[0]);
        var brandColumn = Array.IndexOf(SubmissionQueriesApi.ListCsvHeader, "cpu_brand");
        Assert.Equal(["'" + formula, brand], rows.Skip(1).Select(r => r[brandColumn]));
    }

    [Fact]
    public async Task TheCsvListPointsToItsNextPageInALinkHeader()
    {
        var key = await Client.RegisterNewKeyAsync();
        for (var i = 0; i < 3; i++)
        {
            await Client.SubmitCreatedAsync(key, key.Document().OnMachine($"m{i}"));
        }

        using var first = await Client.GetAsync("/api/v1/submissions?format=csv&limit=2");
        var link = first.Headers.GetValues("Link").Single();
        var next = link[1..link.IndexOf('>', StringComparison.Ordinal)];
        using var second = await Client.GetAsync(next);

        Assert.Equal(3, Csv.Parse(await first.Content.ReadAsStringAsync()).Count);
        Assert.Equal(2, Csv.Parse(await second.Content.ReadAsStringAsync()).Count);
        Assert.False(second.Headers.Contains("Link"));
        Assert.Contains("format=csv", next, StringComparison.Ordinal);
    }
}
