using FluentValidation;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using NearNative.Api.Data;
using NearNative.Api.Infrastructure;
using NearNative.Api.Keys;
using NearNative.Api.Leaderboard;
using NearNative.Api.Submissions;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace NearNative.Api.Administration;

/// <summary>
/// What only the operator may do: quarantine and release submissions, revoke a signing key, recompute cells. Behind
/// the bearer token <c>Admin:Token</c>; without one configured the endpoints do not exist (404).
/// </summary>
public static class AdminApi
{
    public const string Tag = "Administration";
    public const string Policy = "administrator";

    public static WebApplicationBuilder AddAdministration(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<AdminToken>();
        builder.Services.AddSingleton<IValidator<QuarantineRequest>, QuarantineRequestValidator>();
        builder.Services.AddSingleton<IValidator<RecomputeCellsRequest>, RecomputeCellsRequestValidator>();
        builder.Services.AddAuthentication()
            .AddScheme<AuthenticationSchemeOptions, AdminTokenHandler>(AdminTokenHandler.SchemeName, configureOptions: null);
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(Policy, policy => policy.AddAuthenticationSchemes(AdminTokenHandler.SchemeName).RequireAuthenticatedUser());
        builder.Services.AddOptions<SwaggerGenOptions>().Configure<AdminToken>((options, token) =>
        {
            // Without a token there is nothing to document: no operations, and no scheme that none of them uses.
            if (token.IsConfigured)
            {
                options.AddAdministrationDocumentation();
            }
        });
        return builder;
    }

    /// <summary>
    /// Authentication runs inside the problem-details middleware, so a refused token is a problem like any other 401,
    /// and before the body caps, which read a chunked body: a caller without the token gets 401 unread.
    /// </summary>
    public static WebApplication UseAdministration(this WebApplication app)
    {
        app.UseAuthentication();
        app.UseAuthorization();
        return app;
    }

    public static IEndpointRouteBuilder MapAdministration(this IEndpointRouteBuilder routes)
    {
        if (!routes.ServiceProvider.GetRequiredService<AdminToken>().IsConfigured)
        {
            return routes;
        }

        var group = routes.MapGroup("/api/v1/admin")
            .WithDescribedTag(Tag, "Operator-only endpoints behind a bearer token; absent when no token is configured.")
            .RequireAuthorization(Policy)
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        group.MapPost("/submissions/{id}/quarantine", Quarantine).WithName("QuarantineSubmission")
            .WithSummary("Quarantine a submission")
            .WithBodyLimit(RequestSizeLimits.DefaultMaxBodyBytes).WithValidation<QuarantineRequest>();
        group.MapPost("/submissions/{id}/release", Release).WithName("ReleaseSubmission")
            .WithSummary("Release a quarantined submission");
        group.MapPost("/keys/{keyId}/revoke", RevokeKey).WithName("AdminRevokeKey")
            .WithSummary("Revoke a contributor's key without its proof");
        group.MapPost("/cells/recompute", RecomputeCells).WithName("RecomputeCells")
            .WithSummary("Recompute a runtime's cells on one CPU key")
            .WithBodyLimit(RequestSizeLimits.DefaultMaxBodyBytes).WithValidation<RecomputeCellsRequest>();
        return routes;
    }

    /// <summary>Takes a submission out of every figure, with the reason shown beside it; its cells are recomputed at once.</summary>
    public static Task<Results<Ok<SubmissionStatusResponse>, NotFoundProblem>> Quarantine(
        string id,
        QuarantineRequest request,
        NearNativeDbContext db,
        CellMaintenance cells,
        IOutputCacheStore cache,
        CancellationToken cancellationToken) =>
        SetStatusAsync(db, cells, cache, id, SubmissionStatus.Quarantined, $"Quarantined by an administrator: {request.Reason}", cancellationToken);

    /// <summary>Puts a quarantined submission back into the figures (the reason it was quarantined for stays as history); its cells are recomputed at once.</summary>
    public static Task<Results<Ok<SubmissionStatusResponse>, NotFoundProblem>> Release(
        string id,
        NearNativeDbContext db,
        CellMaintenance cells,
        IOutputCacheStore cache,
        CancellationToken cancellationToken) =>
        SetStatusAsync(db, cells, cache, id, SubmissionStatus.Accepted, reason: null, cancellationToken);

    /// <summary>Revokes a contributor's key without its owner's proof (a stolen key): every later submission under it gets 403.</summary>
    public static async Task<Results<Ok<KeyResponse>, NotFoundProblem>> RevokeKey(
        string keyId,
        NearNativeDbContext db,
        IOutputCacheStore cache,
        TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var key = await db.SigningKeys.SingleOrDefaultAsync(k => k.KeyId == keyId, cancellationToken);
        return key is null ? KeysApi.NotRegistered(keyId) : TypedResults.Ok(await KeysApi.RevokeAsync(key, db, cache, clock, cancellationToken));
    }

    /// <summary>Rewrites a runtime's cells on one CPU key from the stored submissions, e.g. after a repair by hand.</summary>
    public static async Task<Ok<RecomputeCellsResponse>> RecomputeCells(
        RecomputeCellsRequest request,
        NearNativeDbContext db,
        CellMaintenance cells,
        CancellationToken cancellationToken)
    {
        var group = new CellGroup(request.Suite!, request.Size!, request.CpuKey!);
        await cells.RecomputeAsync(group, [request.Runtime!], cancellationToken);
        var count = await db.LeaderboardCells.CountAsync(
            c => c.Suite == group.Suite && c.Size == group.Size && c.CpuKey == group.CpuKey && c.RuntimeSlug == request.Runtime,
            cancellationToken);
        return TypedResults.Ok(new RecomputeCellsResponse(group.Suite, group.Size, group.CpuKey, request.Runtime!, count));
    }

    /// <param name="reason">The new reason; null keeps the stored one.</param>
    private static async Task<Results<Ok<SubmissionStatusResponse>, NotFoundProblem>> SetStatusAsync(
        NearNativeDbContext db,
        CellMaintenance cells,
        IOutputCacheStore cache,
        string id,
        string status,
        string? reason,
        CancellationToken cancellationToken)
    {
        var found = await db.Submissions.AsNoTracking()
            .Where(s => s.Id == id)
            .Select(s => new { s.Suite, s.Size, s.CpuKey, Slugs = s.Runtimes.Select(r => r.Slug).ToList() })
            .SingleOrDefaultAsync(cancellationToken);
        if (found is null)
        {
            return new NotFoundProblem($"No submission with id '{id}'.");
        }

        var group = new CellGroup(found.Suite, found.Size, found.CpuKey);
        await using (var transaction = await cells.BeginAsync(group, cancellationToken))
        {
            await db.Submissions.Where(s => s.Id == id).ExecuteUpdateAsync(
                s => s.SetProperty(x => x.Status, status).SetProperty(x => x.QuarantineReason, x => reason ?? x.QuarantineReason),
                cancellationToken);
            await cells.ReplaceAsync(group, found.Slugs, await cells.LoadAsync(group, found.Slugs, cancellationToken), cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        // The submission's status shows in every list of submissions; its cells in the leaderboards and its runtimes' badges.
        await cache.EvictByTagAsync(SubmissionQueriesApi.CacheTag, cancellationToken);
        await cells.EvictAsync(group, found.Slugs, cancellationToken);
        var stored = await db.Submissions.AsNoTracking().Where(s => s.Id == id).Select(s => s.QuarantineReason).SingleAsync(cancellationToken);
        return TypedResults.Ok(new SubmissionStatusResponse(id, status, stored));
    }
}
