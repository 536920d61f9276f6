using FluentValidation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using NearNative.Api.Data;
using NearNative.Api.Infrastructure;
using NearNative.Api.Leaderboard;
using NearNative.Domain.Signing;

namespace NearNative.Api.Keys;

/// <summary>Registration (with proof of possession), lookup, rotation and revocation of contributors' signing keys.</summary>
public static class KeysApi
{
    /// <summary>Output-cache tag of every answer that shows a key; evicted when one changes.</summary>
    public const string CacheTag = "keys";

    public const string CachePolicy = "keys";

    public static WebApplicationBuilder AddKeys(this WebApplicationBuilder builder)
    {
        builder.Services.AddOutputCache(options => options.AddPolicy(CachePolicy, policy => policy
            .ExpireAfter(CacheLifetime.Of(builder.Configuration))
            .SetVaryByQuery([])
            .Tag(CacheTag, LeaderboardApi.EverythingTag)));
        builder.Services.AddSingleton<IValidator<KeyRegistrationRequest>, KeyRegistrationRequestValidator>();
        builder.Services.AddSingleton<IValidator<KeyRotationRequest>, KeyRotationRequestValidator>();
        builder.Services.AddSingleton<IValidator<RevokeKeyRequest>, RevokeKeyRequestValidator>();
        return builder;
    }

    public static RouteGroupBuilder MapKeys(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/v1/keys").WithDescribedTag(
            "Keys", "Contributors' Ed25519 signing keys: registered with proof of possession, rotated with both keys' signatures, revoked by their owner.");
        group.MapPost("/", Register).WithName("RegisterKey").WithSummary("Register a signing key")
            .WithBodyLimit(RequestSizeLimits.DefaultMaxBodyBytes).WithValidation<KeyRegistrationRequest>().WithWriteRateLimit();
        group.MapGet("/{keyId}", Get).WithName("GetKey").WithSummary("A registered key: its display name and whether it is revoked or retired")
            .CacheOutput(CachePolicy)
            .WithHttpCaching(HttpCachePolicy.Aggregates);
        group.MapPost("/{keyId}/rotate", Rotate).WithName("RotateKey").WithSummary("Hand a key over to a new one, signed by both")
            .WithBodyLimit(RequestSizeLimits.DefaultMaxBodyBytes).WithValidation<KeyRotationRequest>().WithWriteRateLimit();
        group.MapPost("/{keyId}/revoke", Revoke).WithName("RevokeKey").WithSummary("Revoke a key with a message it signed")
            .WithBodyLimit(RequestSizeLimits.DefaultMaxBodyBytes).WithValidation<RevokeKeyRequest>().WithWriteRateLimit();
        return group;
    }

    /// <summary>
    /// Registers a key. Registering it again returns the stored key; a signed display name given again replaces
    /// the stored one, so the key's holder can rename it.
    /// </summary>
    public static async Task<Results<Created<KeyResponse>, Ok<KeyResponse>, UnauthorizedProblem>> Register(
        KeyRegistrationRequest request,
        NearNativeDbContext db,
        TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var publicKey = Base64.TryDecode(request.PublicKey)!;
        if (!Ed25519Keys.VerifyKeyRegistration(publicKey, Base64.TryDecode(request.Proof), request.DisplayName))
        {
            return new UnauthorizedProblem("The proof is not a signature of the key-registration message (public key and display name) by this key.");
        }

        var keyId = KeyId.For(publicKey);
        if (await db.SigningKeys.SingleOrDefaultAsync(k => k.KeyId == keyId, cancellationToken) is { } existing)
        {
            if (request.DisplayName is { } name && name != existing.DisplayName)
            {
                existing.DisplayName = name;
                await db.SaveChangesAsync(cancellationToken);
            }

            return TypedResults.Ok(ToResponse(existing));
        }

        var key = new SigningKey
        {
            KeyId = keyId,
            PublicKey = publicKey,
            RegisteredAt = clock.UtcNowForStorage(),
            DisplayName = request.DisplayName,
            ContributorId = keyId,
        };
        db.SigningKeys.Add(key);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Registered concurrently by the same contributor: the stored key is the answer.
            db.ChangeTracker.Clear();
            if (await Find(db, keyId, cancellationToken) is { } raced)
            {
                return TypedResults.Ok(raced);
            }

            throw;
        }

        return TypedResults.Created($"/api/v1/keys/{keyId}", ToResponse(key));
    }

    /// <param name="keyId">The key id: 32 lowercase hex digits, the first 16 bytes of SHA-256 of the raw public key.</param>
    public static async Task<Results<Ok<KeyResponse>, NotFoundProblem>> Get(
        string keyId,
        NearNativeDbContext db,
        CancellationToken cancellationToken) =>
        await Find(db, keyId, cancellationToken) is { } key
            ? TypedResults.Ok(key)
            : NotRegistered(keyId);

    /// <summary>
    /// Hands the key's place over to a new key that has never been registered: the old key signs the
    /// announcement, the new key proves possession. The new key is registered for the same contributor (with
    /// the same display name) and the old key is retired: it signs no new submissions. Sending the same
    /// rotation again returns the new key.
    /// </summary>
    public static async Task<Results<Created<KeyResponse>, Ok<KeyResponse>, ValidationProblem, NotFoundProblem, UnauthorizedProblem, ConflictProblem>> Rotate(
        string keyId,
        KeyRotationRequest request,
        NearNativeDbContext db,
        TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var old = await db.SigningKeys.AsNoTracking().SingleOrDefaultAsync(k => k.KeyId == keyId, cancellationToken);
        if (old is null)
        {
            return NotRegistered(keyId);
        }

        var newPublicKey = Base64.TryDecode(request.NewPublicKey)!;
        if (!Ed25519Keys.VerifyKeyRotation(old.PublicKey, old.PublicKey, newPublicKey, Base64.TryDecode(request.OldKeySignature)))
        {
            return new UnauthorizedProblem($"oldKeySignature is not a signature of the key-rotation message by key {keyId}.");
        }

        if (!Ed25519Keys.VerifyKeyRotation(newPublicKey, old.PublicKey, newPublicKey, Base64.TryDecode(request.NewKeySignature)))
        {
            return new UnauthorizedProblem("newKeySignature is not a signature of the key-rotation message by the new key.");
        }

        var newKeyId = KeyId.For(newPublicKey);
        if (newKeyId == keyId)
        {
            return TypedResults.ValidationProblem(
                new Dictionary<string, string[]> { ["newPublicKey"] = ["Must be a new key, not the key being rotated."] });
        }

        if (await Settled(db, old, newKeyId, cancellationToken) is { } settled)
        {
            return settled;
        }

        var newKey = new SigningKey
        {
            KeyId = newKeyId,
            PublicKey = newPublicKey,
            RegisteredAt = clock.UtcNowForStorage(),
            DisplayName = old.DisplayName,
            ContributorId = old.ContributorId,
        };

        // The new key and the old key's retirement commit together. The retirement only applies to a key still
        // in service, so of two rotations racing from one key exactly one wins.
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            db.SigningKeys.Add(newKey);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                var retired = await db.SigningKeys
                    .Where(k => k.KeyId == keyId && k.RetiredAt == null && k.RevokedAt == null)
                    .ExecuteUpdateAsync(k => k.SetProperty(x => x.RetiredAt, newKey.RegisteredAt).SetProperty(x => x.ReplacedBy, newKeyId), cancellationToken);
                if (retired == 1)
                {
                    await transaction.CommitAsync(cancellationToken);
                    return TypedResults.Created($"/api/v1/keys/{newKeyId}", ToResponse(newKey));
                }
            }
            catch (DbUpdateException)
            {
                // The new key was registered concurrently; what is stored now decides the answer.
            }
        }

        db.ChangeTracker.Clear();
        var now = await db.SigningKeys.AsNoTracking().SingleAsync(k => k.KeyId == keyId, cancellationToken);
        return await Settled(db, now, newKeyId, cancellationToken) ?? throw new InvalidOperationException("A rotation failed for no stored reason.");
    }

    public static async Task<Results<Ok<KeyResponse>, NotFoundProblem, UnauthorizedProblem>> Revoke(
        string keyId,
        RevokeKeyRequest request,
        NearNativeDbContext db,
        TimeProvider clock,
        IOutputCacheStore cache,
        CancellationToken cancellationToken)
    {
        var key = await db.SigningKeys.SingleOrDefaultAsync(k => k.KeyId == keyId, cancellationToken);
        if (key is null)
        {
            return NotRegistered(keyId);
        }

        if (!Ed25519Keys.VerifyKeyRevocation(key.PublicKey, Base64.TryDecode(request.Proof)))
        {
            return new UnauthorizedProblem("The proof is not a signature of the key-revocation message by this key.");
        }

        return TypedResults.Ok(await RevokeAsync(key, db, cache, clock, cancellationToken));
    }

    public static NotFoundProblem NotRegistered(string keyId) => new($"No key with id '{keyId}' is registered.");

    /// <summary>Marks a tracked key revoked (once: a second revocation keeps the first time), saves, and evicts the cached answers that show it.</summary>
    public static async Task<KeyResponse> RevokeAsync(
        SigningKey key,
        NearNativeDbContext db,
        IOutputCacheStore cache,
        TimeProvider clock,
        CancellationToken cancellationToken)
    {
        if (key.RevokedAt is null)
        {
            key.RevokedAt = clock.UtcNowForStorage();
            await db.SaveChangesAsync(cancellationToken);
            await cache.EvictByTagAsync(CacheTag, cancellationToken);
        }

        return ToResponse(key);
    }

    /// <summary>
    /// The answer a rotation gets without changing anything: the new key when this very rotation is already
    /// stored, a conflict when the old key cannot hand over or the new key is taken; null when it may proceed.
    /// </summary>
    private static async Task<Results<Created<KeyResponse>, Ok<KeyResponse>, ValidationProblem, NotFoundProblem, UnauthorizedProblem, ConflictProblem>?> Settled(
        NearNativeDbContext db, SigningKey old, string newKeyId, CancellationToken cancellationToken)
    {
        if (old.ReplacedBy == newKeyId && await Find(db, newKeyId, cancellationToken) is { } done)
        {
            return TypedResults.Ok(done);
        }

        if (old.RevokedAt is not null)
        {
            return new ConflictProblem($"Key {old.KeyId} is revoked and cannot hand over to another key; register the new key instead.");
        }

        if (old.ReplacedBy is { } successor)
        {
            return new ConflictProblem($"Key {old.KeyId} was already replaced by key {successor}; rotate from that key.")
                .Naming("replacedBy", successor);
        }

        if (await db.SigningKeys.AnyAsync(k => k.KeyId == newKeyId, cancellationToken))
        {
            return new ConflictProblem($"Key {newKeyId} is already registered; rotate to a key that has never been registered.");
        }

        return null;
    }

    private static async Task<KeyResponse?> Find(NearNativeDbContext db, string keyId, CancellationToken cancellationToken)
    {
        var key = await db.SigningKeys.AsNoTracking().SingleOrDefaultAsync(k => k.KeyId == keyId, cancellationToken);
        return key is null ? null : ToResponse(key);
    }

    private static KeyResponse ToResponse(SigningKey key) =>
        new(key.KeyId, Convert.ToBase64String(key.PublicKey), key.DisplayName, key.ContributorId, key.RegisteredAt, key.RevokedAt, key.RetiredAt, key.ReplacedBy);
}
