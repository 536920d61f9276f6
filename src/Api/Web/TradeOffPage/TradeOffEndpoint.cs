using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using NearNative.Api.Cpus;
using NearNative.Api.Data;
using NearNative.Api.Suites;
using NearNative.Api.TradeOff;
using NearNative.Domain.Cpu;

namespace NearNative.Api.Web.TradeOffPage;

/// <summary>
/// "Does wasm pay off for my service?": a GET form whose query string is the shareable address, answered by the same
/// <see cref="TradeOffQuery"/> as <c>GET /api/v1/tradeoff</c>. The form weighs each category in its own field
/// (<c>w-compute=3</c>); the page joins them into the endpoint's <c>weights</c> (<c>compute:3</c>).
/// </summary>
public static class TradeOffEndpoint
{
    /// <summary>The prefix of a category's weight field, e.g. <c>w-compute</c>.</summary>
    public const string WeightPrefix = "w-";

    public static async Task<RazorComponentResult> Get(
        [AsParameters] TradeOffParameters query,
        HttpRequest request,
        TradeOffQuery tradeOff,
        NearNativeDbContext db,
        SuiteCatalog suites,
        CancellationToken cancellationToken)
    {
        query = query with
        {
            Suite = Page.Blank(query.Suite),
            Size = Page.Blank(query.Size),
            Like = Page.Blank(query.Like),
            Requests = Page.Blank(query.Requests),
            CpuMs = Page.Blank(query.CpuMs),
            Cpu = Page.Blank(query.Cpu),
            Arch = Page.Blank(query.Arch),
            Native = Page.Blank(query.Native),
            Weights = query.Like is { Length: > 0 } ? null : Page.Blank(query.Weights) ?? WeightsFromFields(request.Query),
        };
        if (suites.Find(query.SuiteOrNewest(suites)) is not { } manifest)
        {
            return Page.For(SuiteProblems.Unknown(query.Suite));
        }

        var cpus = await CpusApi.Get(new CpuParameters { Suite = manifest.Suite }, db, suites, cancellationToken);
        var known = cpus.Result is Ok<CpusResponse> { Value: { } list } ? list.Cpus : [];
        var form = new TradeOffForm(
            query,
            TradeOffParameters.Categories(manifest),
            [.. manifest.Workloads.Where(w => !w.IsStartup).Select(w => w.Id)],
            known,
            [.. known.Select(c => CpuKey.ArchitectureOf(c.CpuKey)).Append(CpuKey.DefaultArchitecture).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)]);

        var answer = await tradeOff.AnswerAsync(query, cancellationToken);
        return answer.Result switch
        {
            Ok<TradeOffResponse> { Value: { } result } => Page.Render<TradeOffPage>(new TradeOffModel(form, result, [])),
            ValidationProblem invalid => Page.Render<TradeOffPage>(
                new TradeOffModel(form, null, [.. invalid.ProblemDetails.Errors.SelectMany(e => e.Value)]),
                StatusCodes.Status400BadRequest),
            _ => Page.For(answer.Result),
        };
    }

    /// <summary>Every field name the form can send, for the output cache to vary by: the endpoint's plus one weight per category.</summary>
    public static IReadOnlyList<string> QueryNames(SuiteCatalog suites) =>
    [
        .. TradeOffParameters.QueryNames,
        .. suites.Ids.Select(suites.Find).SelectMany(s => TradeOffParameters.Categories(s!)).Distinct(StringComparer.Ordinal).Select(c => WeightPrefix + c),
    ];

    /// <summary><c>compute:3,io:1</c> from <c>w-compute=3&amp;w-io=1</c>; null when no weight field was sent, so every category weighs the same.</summary>
    private static string? WeightsFromFields(IQueryCollection fields)
    {
        var weights = fields
            .Where(f => f.Key.StartsWith(WeightPrefix, StringComparison.Ordinal) && !string.IsNullOrWhiteSpace(f.Value))
            .OrderBy(f => f.Key, StringComparer.Ordinal)
            .Select(f => string.Create(CultureInfo.InvariantCulture, $"{f.Key[WeightPrefix.Length..]}:{f.Value.ToString().Trim()}"))
            .ToList();
        return weights.Count == 0 ? null : string.Join(',', weights);
    }
}
