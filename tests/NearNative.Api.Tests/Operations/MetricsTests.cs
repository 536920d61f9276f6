using System.Net;
using NearNative.Api.Tests.Fixtures;
using NearNative.Api.Tests.Support;
using NearNative.Domain.Signing;

namespace NearNative.Api.Tests.Operations;

/// <summary>Counts are read as differences between two scrapes, since the application outlives each test.</summary>
[Collection(OnPostgresAlone.Name)]
public sealed class MetricsTests(PostgresFixture fixture) : ApiTest(fixture)
{
    private const string Ingest = "nearnative_ingest_submissions_total";
    private const string Lookups = "nearnative_output_cache_lookups_total";

    [Fact]
    public async Task TheMetricsEndpointCountsIngestOutcomesByOutcomeAndReason()
    {
        var key = await Client.RegisterNewKeyAsync();
        var stranger = SigningHelpers.CreateKey();
        var revoked = await Client.RegisterNewKeyAsync();
        using (var revocation = await Client.PostAsAdminAsync($"/api/v1/admin/keys/{Ed25519Keys.KeyIdOf(revoked)}/revoke", null, PostgresFixture.AdminToken))
        {
            Assert.Equal(HttpStatusCode.OK, revocation.StatusCode);
        }

        var document = key.Document().WithRatio("wasmtime", 1.5).Build();
        var before = await PrometheusText.ScrapeAsync(Client);

        using (var created = await Client.SubmitAsync(key, document))
        using (var again = await Client.SubmitAsync(key, document))
        using (var implausible = await Client.SubmitAsync(key, key.Document().WithRatio("wasmer", 2000).Build()))
        using (var unsigned = await Client.SubmitAsync(stranger, stranger.Document().Build()))
        using (var forbidden = await Client.SubmitAsync(revoked, revoked.Document().Build()))
        {
            Assert.Equal(
                [HttpStatusCode.Created, HttpStatusCode.OK, HttpStatusCode.Created, HttpStatusCode.Unauthorized, HttpStatusCode.Forbidden],
                [created.StatusCode, again.StatusCode, implausible.StatusCode, unsigned.StatusCode, forbidden.StatusCode]);
        }

        var after = await PrometheusText.ScrapeAsync(Client);
        double Delta(params (string, string)[] labels) => after.Sum(Ingest, labels) - before.Sum(Ingest, labels);
        Assert.Equal(1, Delta(("outcome", "accepted")));
        Assert.Equal(1, Delta(("outcome", "duplicate")));
        Assert.Equal(1, Delta(("outcome", "quarantined")));
        Assert.Equal(1, Delta(("outcome", "rejected"), ("reason", "unauthenticated")));
        Assert.Equal(1, Delta(("outcome", "rejected"), ("reason", "forbidden")));
        Assert.Equal(5, Delta());
    }

    [Fact]
    public async Task AnOutlierQuarantinedByTheCellsEvidenceIsCountedAsQuarantined()
    {
        var key = await Client.RegisterNewKeyAsync();
        for (var i = 0; i < 5; i++)
        {
            await Client.SubmitCreatedAsync(key, key.Document().OnMachine($"m{i}").WithRatio("wasmtime", 1.4 + (0.05 * i)));
        }

        var before = await PrometheusText.ScrapeAsync(Client);

        // Plausible on its own, but far outside the other five machines' cell (see the leaderboard cell tests).
        var outlier = await Client.SubmitCreatedAsync(key, key.Document().OnMachine("odd").WithRatio("wasmtime", 6));

        var after = await PrometheusText.ScrapeAsync(Client);
        Assert.Equal("quarantined", outlier.Status);
        Assert.Equal(1, after.Sum(Ingest, ("outcome", "quarantined")) - before.Sum(Ingest, ("outcome", "quarantined")));
        Assert.Equal(0, after.Sum(Ingest, ("outcome", "accepted")) - before.Sum(Ingest, ("outcome", "accepted")));
    }

    [Fact]
    public async Task TheMetricsEndpointCountsOutputCacheMissesAndHitsAndRequests()
    {
        var before = await PrometheusText.ScrapeAsync(Client);

        await Client.GetStringAsync("/api/v1/leaderboard");
        await Client.GetStringAsync("/api/v1/leaderboard");
        await Client.GetStringAsync("/api/v1/leaderboard");

        var after = await PrometheusText.ScrapeAsync(Client);
        double Delta(string name, params (string, string)[] labels) => after.Sum(name, labels) - before.Sum(name, labels);
        Assert.Equal(1, Delta(Lookups, ("result", "miss"), ("route", "/api/v1/leaderboard/")));
        Assert.Equal(2, Delta(Lookups, ("result", "hit"), ("route", "/api/v1/leaderboard/")));
        Assert.Equal(3, Delta("http_server_request_duration_seconds_count", ("http_route", "/api/v1/leaderboard/"), ("http_response_status_code", "200")));
    }
}
