using System.Net;
using NearNative.Api.Tests.Fixtures;
using NearNative.Api.Tests.Support;
using NearNative.Domain.Results;

namespace NearNative.Api.Tests.Submissions;

/// <summary>Workloads a runtime could not run, listed under <c>skipped</c>, at the edge.</summary>
[Collection(OnPostgres.Name)]
public sealed class SkippedWorkloadsValidationTests(PostgresFixture fixture) : ApiTest(fixture)
{
    [Fact]
    public async Task WorkloadsARuntimeCouldNotRunAreAccepted()
    {
        var key = await Client.RegisterNewKeyAsync();
        var document = key.Document().Edit(d => d with { Skipped = [new SkippedRuntime("jsc", "file I/O", ["filerw", "smallfiles"])] }).Build();

        using var response = await Client.SubmitAsync(key, document);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    public static TheoryData<string[]> BadLists => [[], ["filerw", ""], ["file\nrw"]];

    [Theory]
    [MemberData(nameof(BadLists))]
    public async Task AnEmptyOrUnsafeWorkloadListIsRefusedWithAFieldError(string[] workloads)
    {
        var key = await Client.RegisterNewKeyAsync();
        var document = key.Document().Edit(d => d with { Skipped = [new SkippedRuntime("jsc", "file I/O", workloads)] }).Build();

        using var response = await Client.SubmitAsync(key, document);

        var errors = await response.AssertValidationProblemAsync();
        Assert.Equal(["skipped[0].workloads"], errors.Keys);
        Assert.Equal(0, (await Fixture.CountRowsAsync()).Submissions);
    }
}
