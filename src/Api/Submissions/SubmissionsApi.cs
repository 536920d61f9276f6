using System.Security.Cryptography;
using System.Text.Json;
using FluentValidation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using NearNative.Api.Data;
using NearNative.Api.Infrastructure;
using NearNative.Api.Leaderboard;
using NearNative.Api.Suites;
using NearNative.Domain.Results;
using NearNative.Domain.Signing;
using NearNative.Domain.Statistics;
using Npgsql;

namespace NearNative.Api.Submissions;

/// <summary>Signed result documents: verified, validated, recomputed and stored exactly once.</summary>
public static class SubmissionsApi
{
    public static WebApplicationBuilder AddSubmissions(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<SigningWindow>().BindConfiguration(SigningWindow.Section)
            .Validate(w => w.MaxAge > TimeSpan.Zero && w.MaxAhead >= TimeSpan.Zero, "The signing window must be positive.")
            .ValidateOnStart();
        builder.Services.AddSingleton<IValidator<SignedEnvelope>, SignedEnvelopeValidator>();
        builder.Services.AddSingleton<IValidator<ResultDocument>, ResultDocumentValidator>();
        return builder;
    }

    public static RouteGroupBuilder MapSubmissions(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/v1/submissions").WithDescribedTag(
            "Submissions", "Signed result documents: submitted by the agent, verified and stored once, readable by anyone.");
        group.MapPost("/", Submit)
            .WithName("Submit")
            .WithSummary("Submit a signed result document")
            .WithIngestMetrics()
            .WithBodyLimit(DocumentLimits.MaxBodyBytes)
            .WithValidation<SignedEnvelope>()
            .WithWriteRateLimit()
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge);
        group.MapGet("/{id}", Get)
            .WithName("GetSubmission")
            .WithSummary("A stored submission with every recomputed figure")
            .CacheOutput(SubmissionQueriesApi.SubmissionPolicy)
            .WithHttpCaching(HttpCachePolicy.Aggregates);
        group.MapGet("/{id}/document", GetDocument)
            .WithName("GetSubmissionDocument")
            .WithSummary("A submission's exact signed bytes and signature")
            .CacheOutput(SubmissionQueriesApi.ContentPolicy)
            .WithHttpCaching(HttpCachePolicy.ContentAddressed);
        return group;
    }

    public static async Task<Results<Created<SubmissionResponse>, Ok<SubmissionResponse>, ValidationProblem, WriteRefusal, ConflictProblem>> Submit(
        SignedEnvelope envelope,
        NearNativeDbContext db,
        KeyQuota quota,
        IValidator<ResultDocument> validator,
        SuiteCatalog suites,
        CellMaintenance cells,
        IOutputCacheStore cache,
        TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var documentBytes = Base64.TryDecode(envelope.Document)!;
        var signature = Base64.TryDecode(envelope.Signature)!;

        ResultDocument document;
        try
        {
            document = ResultJson.Deserialize(documentBytes);
        }
        catch (JsonException e)
        {
            var (field, message) = JsonErrors.Describe(e);
            return TypedResults.ValidationProblem(
                new Dictionary<string, string[]> { ["document"] = ["Not a result document" + JsonErrors.AtField(field, message)] },
                detail: "The document bytes are not a result document of schema " + ResultDocument.CurrentSchema + ".");
        }

        // Authenticate before judging the content: unsigned junk learns nothing about the schema.
        var key = KeyId.IsWellFormed(document.KeyId)
            ? await db.SigningKeys.AsNoTracking().SingleOrDefaultAsync(k => k.KeyId == document.KeyId, cancellationToken)
            : null;
        if (key is null)
        {
            return new WriteRefusal(new UnauthorizedProblem("The document's keyId is not a registered key."));
        }

        if (!Ed25519Keys.VerifyResult(key.PublicKey, documentBytes, signature))
        {
            return new WriteRefusal(new UnauthorizedProblem("The signature does not verify for the document's key."));
        }

        // The same signed bytes again are the stored submission, whatever has happened since (a rotation, a
        // revocation, a window that has passed, a rule tightened): the answer to a retry never changes.
        var id = Convert.ToHexStringLower(SHA256.HashData(documentBytes));
        if (await Load(db, id, cancellationToken) is { } stored)
        {
            return TypedResults.Ok(SubmissionMapping.ToResponse(stored));
        }

        if (SignsNothingNew(key) is { } refused)
        {
            return new WriteRefusal(refused);
        }

        // The key's quota counts new writes only: a retry of stored bytes above costs nothing.
        if (await quota.TakeAsync(key.KeyId, cancellationToken) is { } overQuota)
        {
            return new WriteRefusal(overQuota);
        }

        // The document only exists once decoded and authenticated, so it is validated here rather than by a filter.
        var validation = await validator.ValidateAsync(document, cancellationToken);
        if (!validation.IsValid)
        {
            return validation.ToValidationProblem("The result document breaks the schema limits.");
        }

        if (await StoredWithNonce(db, key.KeyId, document.Nonce, cancellationToken) is { } other)
        {
            // The same bytes, stored by a concurrent request since the check above, are that submission, not a conflict.
            return other == id && await LoadStored(db, id, cancellationToken) is { } same
                ? TypedResults.Ok(SubmissionMapping.ToResponse(same))
                : NonceTaken(other);
        }

        var manifest = suites.Find(document.Suite.Id)!;
        var analyses = RunAnalysis.Analyze(document, manifest.SpecsFor(document.Suite.Size));
        var submission = SubmissionMapping.ToEntity(id, documentBytes, signature, document, analyses, clock.UtcNowForStorage());
        var group = CellGroup.Of(submission);
        var slugs = submission.Runtimes.Select(r => r.Slug).ToList();

        // One transaction under the group's lock: the submission, all its results and the cells it changes, or nothing.
        try
        {
            await using var transaction = await cells.BeginAsync(group, cancellationToken);
            if (await Load(db, id, cancellationToken) is { } raced)
            {
                return TypedResults.Ok(SubmissionMapping.ToResponse(raced));
            }

            // The cells the submission falls in: one row each of cell, votes and its machine's part, never the group's submissions.
            var readings = CellComputation.Readings([CellInput.Of(submission)], slugs);
            var state = await cells.LoadStateAsync(group, readings, cancellationToken);
            if (submission.Status == SubmissionStatus.Accepted && OutlierScreen.QuarantineReason(submission, state) is { } reason)
            {
                submission.Status = SubmissionStatus.Quarantined;
                submission.QuarantineReason = reason;
            }

            await BulkRows.InsertAsync(db, submission, cancellationToken);
            if (submission.Status == SubmissionStatus.Accepted)
            {
                await cells.AddAsync(group, readings, state, cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
        }
        catch (Exception e) when (e is DbUpdateException or PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            // A concurrent request stored first: the same bytes (primary key) or the same nonce with other bytes,
            // which may belong to another group and so another lock (unique per key).
            db.ChangeTracker.Clear();
            if (await Load(db, id, cancellationToken) is { } raced)
            {
                return TypedResults.Ok(SubmissionMapping.ToResponse(raced));
            }

            if (await StoredWithNonce(db, key.KeyId, document.Nonce, cancellationToken) is { } racedNonce)
            {
                return NonceTaken(racedNonce);
            }

            throw;
        }

        // Every list of submissions shows the new one; only an accepted one changes cells.
        await cache.EvictByTagAsync(SubmissionQueriesApi.CacheTag, cancellationToken);
        if (submission.Status == SubmissionStatus.Accepted)
        {
            await cells.EvictAsync(group, slugs, cancellationToken);
        }

        return TypedResults.Created($"/api/v1/submissions/{id}", SubmissionMapping.ToResponse(submission));
    }

    /// <param name="id">The submission's id: SHA-256 of its signed document bytes, lowercase hex.</param>
    public static async Task<Results<Ok<SubmissionResponse>, NotFoundProblem>> Get(
        string id,
        NearNativeDbContext db,
        CancellationToken cancellationToken) =>
        await LoadStored(db, id, cancellationToken) is { } submission
            ? TypedResults.Ok(SubmissionMapping.ToResponse(submission))
            : NotFound(id);

    /// <summary>The exact signed bytes and signature, so anyone can verify the submission with the key's public key.</summary>
    /// <param name="id">The submission's id: SHA-256 of its signed document bytes, lowercase hex.</param>
    public static async Task<Results<Ok<SignedEnvelope>, NotFoundProblem>> GetDocument(
        string id,
        NearNativeDbContext db,
        CancellationToken cancellationToken)
    {
        var envelope = await db.Submissions.AsNoTracking()
            .Where(s => s.Id == id)
            .Select(s => new { s.Document, s.Signature })
            .SingleOrDefaultAsync(cancellationToken);
        return envelope is null
            ? NotFound(id)
            : TypedResults.Ok(new SignedEnvelope(Convert.ToBase64String(envelope.Document), Convert.ToBase64String(envelope.Signature)));
    }

    /// <summary>The stored submission with every figure; one cheap query when there is none, as for every new submission.</summary>
    private static async Task<Submission?> Load(NearNativeDbContext db, string id, CancellationToken cancellationToken) =>
        await db.Submissions.AnyAsync(s => s.Id == id, cancellationToken) ? await LoadStored(db, id, cancellationToken) : null;

    private static Task<Submission?> LoadStored(NearNativeDbContext db, string id, CancellationToken cancellationToken) =>
        db.Submissions.AsNoTracking()
            .Include(s => s.Runtimes).ThenInclude(r => r.Workloads)
            .Include(s => s.Runtimes).ThenInclude(r => r.Categories)
            .AsSplitQuery()
            .SingleOrDefaultAsync(s => s.Id == id, cancellationToken);

    /// <summary>
    /// A revoked key (by its holder or an administrator) and a key retired by rotation sign no new submission,
    /// whatever the document's createdAt says; revocation is named first since it also covers a retired key.
    /// </summary>
    private static ForbiddenProblem? SignsNothingNew(SigningKey key) => key switch
    {
        { RevokedAt: { } revokedAt } => new ForbiddenProblem(
            $"Key {key.KeyId} was revoked at {revokedAt:O}: the server accepts no new submission signed with it. Register a new key and sign again."),
        { RetiredAt: { } retiredAt } => new ForbiddenProblem(
            $"Key {key.KeyId} was replaced by key {key.ReplacedBy} at {retiredAt:O} and signs no new submissions; sign with the new key.")
            .Naming("replacedBy", key.ReplacedBy!),
        _ => null,
    };

    private static Task<string?> StoredWithNonce(NearNativeDbContext db, string keyId, string nonce, CancellationToken cancellationToken) =>
        db.Submissions.AsNoTracking()
            .Where(s => s.KeyId == keyId && s.Nonce == nonce)
            .Select(s => s.Id)
            .SingleOrDefaultAsync(cancellationToken);

    private static ConflictProblem NonceTaken(string storedId) =>
        new ConflictProblem(
            $"This key already signed a submission with this nonce, stored as {storedId}, with other bytes. " +
            "A run is stored once; a new run has a new nonce.")
            .Naming("submissionId", storedId);

    private static NotFoundProblem NotFound(string id) => new($"No submission with id '{id}'.");
}
