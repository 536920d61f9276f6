using FluentValidation;
using Microsoft.AspNetCore.Http.HttpResults;
using NearNative.Api.Cpus;
using NearNative.Api.Data;
using NearNative.Api.Submissions;
using NearNative.Api.Suites;

namespace NearNative.Api.Web.CpuDetail;

/// <summary>One CPU key: every runtime on it and the machines and submissions behind the figures.</summary>
public static class CpuEndpoint
{
    /// <param name="key">The CPU key, slashes included.</param>
    public static async Task<RazorComponentResult> Get(
        string key,
        [AsParameters] CpuParameters query,
        IValidator<CpuParameters> validator,
        HttpRequest request,
        NearNativeDbContext db,
        SuiteCatalog suites,
        CancellationToken cancellationToken)
    {
        query = query with { Suite = Page.Blank(query.Suite), Size = Page.Blank(query.Size) };
        if (await Page.ValidateAsync(validator, query, cancellationToken) is { } invalid)
        {
            return invalid;
        }

        var answer = await CpusApi.GetOne(key, query, db, suites, cancellationToken);
        if (answer.Result is not Ok<CpuDetailResponse> { Value: { } cpu })
        {
            return Page.For(answer.Result);
        }

        var listed = await SubmissionQueriesApi.List(
            new SubmissionListParameters { Cpu = key, Format = "json", Limit = SubmissionListParameters.MaxLimit.ToString(System.Globalization.CultureInfo.InvariantCulture) },
            request,
            db,
            cancellationToken);
        var submissions = listed.Result is Ok<SubmissionPageResponse> { Value: { } page } ? page : new SubmissionPageResponse([], null, null);
        return Page.Render<CpuPage>(new CpuModel(cpu, submissions));
    }
}
