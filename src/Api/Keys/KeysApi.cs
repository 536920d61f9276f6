using FluentValidation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using NearNative.Api.Data;
using NearNative.Api.Infrastructure;
using NearNative.Api.Leaderboard;
using NearNative.Domain.Signing;

namespace NearNative.Api.Keys;

/// <summary>Registration (with proof of possession), lookup and revocation of contributors' signing keys.</summary>
public static class KeysApi
{
    /// <summary>Output-cache tag of every answer that shows a key; evicted when one changes.</summary>
    public const string CacheTag = "keys";

    public const string CachePolicy = "keys";

    public static WebApplicationBuilder AddKeys(this WebApplicationBuilder builder)
    {
        builder.Services.AddOutputCache(options => options.AddPolicy(CachePolicy, policy => policy
            .Expire(TimeSpan.FromSeconds(builder.Configuration.GetValue("Leaderboard:CacheSeconds", 30)))
            .SetVaryByQuery([])
            .Tag(CacheTag, LeaderboardApi.EverythingTag)));
        builder.Services.AddSingleton<IValidator<RegisterKeyRequest>, RegisterKeyRequestValidator>();
        builder.Services.AddSingleton<IValidator<RevokeKeyRequest>, RevokeKeyRequestValidator>();
        return builder;
    }

    public static RouteGroupBuilder MapKeys(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/v1/keys").WithTags("Keys");
        group.MapPost("/", Register).WithName("RegisterKey").WithValidation<RegisterKeyRequest>().WithWriteRateLimit();
        group.MapGet("/{keyId}", Get)
            .WithName("GetKey")
            .WithSummary("A registered key")
            .CacheOutput(CachePolicy)
            .WithHttpCaching(HttpCachePolicy.Aggregates);
        group.MapPost("/{keyId}/revoke", Revoke).WithName("RevokeKey").WithValidation<RevokeKeyRequest>().WithWriteRateLimit();
        return group;
    }

    public static async Task<Results<Created<KeyResponse>, Ok<KeyResponse>, UnauthorizedProblem>> Register(
        RegisterKeyRequest request,
        NearNativeDbContext db,
        TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var publicKey = Base64.TryDecode(request.PublicKey)!;
        if (!Ed25519Keys.VerifyKeyRegistration(publicKey, Base64.TryDecode(request.Proof)))
        {
            return new UnauthorizedProblem("The proof is not a signature of the key-registration message by this key.");
        }

        var keyId = KeyId.For(publicKey);
        if (await Find(db, keyId, cancellationToken) is { } existing)
        {
            return TypedResults.Ok(existing);
        }

        var key = new SigningKey { KeyId = keyId, PublicKey = publicKey, RegisteredAt = clock.UtcNowForStorage() };
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

    private static async Task<KeyResponse?> Find(NearNativeDbContext db, string keyId, CancellationToken cancellationToken)
    {
        var key = await db.SigningKeys.AsNoTracking().SingleOrDefaultAsync(k => k.KeyId == keyId, cancellationToken);
        return key is null ? null : ToResponse(key);
    }

    private static KeyResponse ToResponse(SigningKey key) =>
        new(key.KeyId, Convert.ToBase64String(key.PublicKey), key.RegisteredAt, key.RevokedAt);
}
