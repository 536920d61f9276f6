using System.Globalization;
using System.Text.Json;
using FluentValidation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using NearNative.Api.Data;
using NearNative.Api.Infrastructure;
using NearNative.Api.Leaderboard;
using NearNative.Domain.Results;

namespace NearNative.Api.Submissions;

/// <summary>Reading what was submitted: the list of submissions, and any submission's raw samples as data.</summary>
public static class SubmissionQueriesApi
{
    /// <summary>Output-cache tag of every answer that lists or shows stored submissions; evicted when one is stored or changes status.</summary>
    public const string CacheTag = "submissions";

    public const string ListPolicy = "submission-list";

    /// <summary>One submission with its figures: its status may change, so it carries <see cref="CacheTag"/>.</summary>
    public const string SubmissionPolicy = "submission";

    /// <summary>What is read from a submission's signed bytes, which never change.</summary>
    public const string ContentPolicy = "submission-content";

    public static readonly string[] ListCsvHeader =
        ["id", "received_at", "created_at", "key_id", "suite", "size", "agent_version", "machine_id", "cpu_key", "cpu_brand", "noisy", "status", "quarantine_reason", "runtimes"];

    public static readonly string[] SamplesCsvHeader =
        ["round", "workload", "runtime", "stage", "outcome", "kernel_ns", "wall_ns", "peak_rss_bytes", "checksum", "phases_ns"];

    public static WebApplicationBuilder AddSubmissionQueries(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<IValidator<SubmissionListParameters>, SubmissionListParametersValidator>();
        builder.Services.AddSingleton<IValidator<SampleParameters>, SampleParametersValidator>();
        var lifetime = CacheLifetime.Of(builder.Configuration);
        builder.Services.AddOutputCache(options =>
        {
            options.AddPolicy(ListPolicy, policy => policy
                .ExpireAfter(lifetime)
                .SetVaryByQuery(SubmissionListParameters.QueryNames)
                .SetVaryByHeader("Accept")
                .Tag(CacheTag, LeaderboardApi.EverythingTag));

            options.AddPolicy(SubmissionPolicy, policy => policy
                .ExpireAfter(lifetime)
                .SetVaryByQuery([])
                .Tag(CacheTag, LeaderboardApi.EverythingTag));
            options.AddPolicy(ContentPolicy, policy => policy
                .Expire(TimeSpan.FromHours(1))
                .SetVaryByQuery(SampleParameters.QueryNames)
                .SetVaryByHeader("Accept")
                .Tag(LeaderboardApi.EverythingTag));
        });
        return builder;
    }

    public static RouteGroupBuilder MapSubmissionQueries(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/v1/submissions").WithTags("Submissions");
        group.MapGet("/", List)
            .WithName("ListSubmissions")
            .WithSummary("List submissions, newest first")
            .WithDescription(
                "Every stored submission (accepted and quarantined), newest received first, in pages that a cursor walks: " +
                "submissions stored during the walk never make one appear twice or be skipped. Filters combine with AND. " +
                "JSON by default; CSV with `format=csv` or `Accept: text/csv` (a `Link: <…>; rel=\"next\"` header points to the next page).")
            .WithValidation<SubmissionListParameters>()
            .CacheOutput(ListPolicy)
            .WithHttpCaching(HttpCachePolicy.Aggregates);
        group.MapGet("/{id}/samples", Samples)
            .WithName("GetSubmissionSamples")
            .WithSummary("A submission's raw samples as JSON or CSV")
            .WithDescription(
                "Every sample of the submission's signed document (warm-up rounds included), so anyone can recompute its figures. " +
                "JSON by default; CSV with `format=csv` or `Accept: text/csv`, one row per sample, phases as `name=ns` pairs joined by `;`.")
            .WithValidation<SampleParameters>()
            .CacheOutput(ContentPolicy)
            .WithHttpCaching(HttpCachePolicy.ContentAddressed);
        return group;
    }

    public static async Task<Results<Ok<SubmissionPageResponse>, CsvResult, ValidationProblem>> List(
        [AsParameters] SubmissionListParameters query,
        HttpRequest request,
        NearNativeDbContext db,
        CancellationToken cancellationToken)
    {
        var submissions = db.Submissions.AsNoTracking();
        if (query.Status is { } status)
        {
            submissions = submissions.Where(s => s.Status == status);
        }

        if (query.Cpu is { } cpu)
        {
            submissions = submissions.Where(s => s.CpuKey == cpu);
        }

        if (query.KeyId is { } keyId)
        {
            submissions = submissions.Where(s => s.KeyId == keyId);
        }

        if (query.Runtime is { } runtime)
        {
            submissions = submissions.Where(s => s.Runtimes.Any(r => r.Slug == runtime));
        }

        if (SubmissionCursor.TryDecode(query.Cursor) is { } after)
        {
            submissions = submissions.Where(s => s.ReceivedAt < after.ReceivedAt
                || (s.ReceivedAt == after.ReceivedAt && string.Compare(s.Id, after.Id) < 0));
        }

        // One more than a page tells whether another page follows.
        var size = query.PageSize;
        var rows = await submissions
            .OrderByDescending(s => s.ReceivedAt)
            .ThenByDescending(s => s.Id)
            .Take(size + 1)
            .Select(s => new SubmissionSummaryResponse(
                s.Id, s.KeyId, s.ReceivedAt, s.CreatedAt, s.Suite, s.Size, s.AgentVersion, s.MachineId, s.CpuKey, s.CpuBrand,
                s.Noisy, s.Status, s.QuarantineReason, s.Runtimes.OrderBy(r => r.Position).Select(r => r.Slug).ToList()))
            .ToListAsync(cancellationToken);

        var items = rows.Take(size).ToList();
        var nextCursor = rows.Count > size ? new SubmissionCursor(items[^1].ReceivedAt, items[^1].Id).Encode() : null;
        var next = nextCursor is null ? null : NextPage(request, nextCursor);
        request.HttpContext.Response.Headers.Vary = "Accept";
        if (DataFormats.Choose(query.Format, request) == DataFormat.Json)
        {
            return TypedResults.Ok(new SubmissionPageResponse(items, nextCursor, next));
        }

        if (next is not null)
        {
            request.HttpContext.Response.Headers.Link = $"<{next}>; rel=\"next\"";
        }

        return new CsvResult(ListCsvHeader, items.Select(ListCsvRow));
    }

    /// <param name="id">The submission's id: SHA-256 of its signed document bytes, lowercase hex.</param>
    public static async Task<Results<Ok<SamplesResponse>, CsvResult, ValidationProblem, NotFoundProblem>> Samples(
        string id,
        [AsParameters] SampleParameters query,
        HttpRequest request,
        NearNativeDbContext db,
        CancellationToken cancellationToken)
    {
        var stored = await db.Submissions.AsNoTracking()
            .Where(s => s.Id == id)
            .Select(s => new { s.Document, s.CpuKey })
            .SingleOrDefaultAsync(cancellationToken);
        if (stored is null)
        {
            return new NotFoundProblem($"No submission with id '{id}'.");
        }

        // The stored bytes passed every check when they arrived, so they parse; the samples are read from them
        // rather than stored twice.
        var document = ResultJson.Deserialize(stored.Document);
        var samples = document.Samples.Select(ToResponse).ToList();
        request.HttpContext.Response.Headers.Vary = "Accept";
        if (DataFormats.Choose(query.Format, request) == DataFormat.Csv)
        {
            return new CsvResult(SamplesCsvHeader, samples.Select(SampleCsvRow));
        }

        return TypedResults.Ok(new SamplesResponse(
            id,
            document.Suite.Id,
            document.Suite.Size,
            stored.CpuKey,
            [.. document.Runtimes.Select(r => new SampleRuntimeResponse(r.Id, r.Name, r.Version, r.Configuration, r.Settings))],
            samples));
    }

    private static string NextPage(HttpRequest request, string cursor)
    {
        var query = request.Query
            .Where(q => !q.Key.Equals("cursor", StringComparison.OrdinalIgnoreCase))
            .SelectMany(q => q.Value.Select(v => new KeyValuePair<string, string?>(q.Key, v)))
            .Append(new KeyValuePair<string, string?>("cursor", cursor));
        return QueryHelpers.AddQueryString(request.PathBase + request.Path, query);
    }

    private static SampleResponse ToResponse(Sample sample) => new(
        sample.Round,
        sample.Workload,
        sample.Runtime,
        JsonNamingPolicy.KebabCaseLower.ConvertName(sample.Stage.ToString()),
        JsonNamingPolicy.KebabCaseLower.ConvertName(sample.Outcome.ToString()),
        sample.KernelNs,
        sample.WallNs,
        sample.PeakRssBytes,
        sample.Checksum,
        sample.PhasesNs);

    private static string?[] ListCsvRow(SubmissionSummaryResponse s) =>
    [
        s.Id, Time(s.ReceivedAt), Time(s.CreatedAt), s.KeyId, s.Suite, s.Size, s.AgentVersion, s.MachineId, s.CpuKey, s.CpuBrand,
        s.Noisy ? "true" : "false", s.Status, s.QuarantineReason, string.Join(';', s.Runtimes),
    ];

    private static string?[] SampleCsvRow(SampleResponse s) =>
    [
        Number(s.Round), s.Workload, s.Runtime, s.Stage, s.Outcome, Number(s.KernelNs), Number(s.WallNs), Number(s.PeakRssBytes), s.Checksum,
        s.PhasesNs is null ? null : string.Join(';', s.PhasesNs.Select(p => $"{p.Key}={Number(p.Value)}")),
    ];

    private static string Time(DateTimeOffset time) => time.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    private static string? Number(long? value) => value?.ToString(CultureInfo.InvariantCulture);
}
