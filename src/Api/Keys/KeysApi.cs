using FluentValidation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using NearNative.Api.Data;
using NearNative.Api.Infrastructure;
using NearNative.Domain.Signing;

namespace NearNative.Api.Keys;

/// <summary>Registration (with proof of possession), lookup and revocation of contributors' signing keys.</summary>
public static class KeysApi
{
    public static WebApplicationBuilder AddKeys(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<IValidator<RegisterKeyRequest>, RegisterKeyRequestValidator>();
        builder.Services.AddSingleton<IValidator<RevokeKeyRequest>, RevokeKeyRequestValidator>();
        return builder;
    }

    public static RouteGroupBuilder MapKeys(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/v1/keys").WithDescribedTag(
            "Keys", "Contributors' Ed25519 signing keys: registered with proof of possession, revoked by their owner.");
        group.MapPost("/", Register).WithName("RegisterKey").WithSummary("Register a signing key")
            .WithValidation<RegisterKeyRequest>().WithWriteRateLimit();
        group.MapGet("/{keyId}", Get).WithName("GetKey").WithSummary("A registered key and whether it is revoked");
        group.MapPost("/{keyId}/revoke", Revoke).WithName("RevokeKey").WithSummary("Revoke a key with a message it signed")
            .WithValidation<RevokeKeyRequest>().WithWriteRateLimit();
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

    public static async Task<Results<Ok<KeyResponse>, NotFoundProblem>> Get(
        string keyId,
        NearNativeDbContext db,
        CancellationToken cancellationToken) =>
        await Find(db, keyId, cancellationToken) is { } key
            ? TypedResults.Ok(key)
            : new NotFoundProblem($"No key with id '{keyId}' is registered.");

    public static async Task<Results<Ok<KeyResponse>, NotFoundProblem, UnauthorizedProblem>> Revoke(
        string keyId,
        RevokeKeyRequest request,
        NearNativeDbContext db,
        TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var key = await db.SigningKeys.SingleOrDefaultAsync(k => k.KeyId == keyId, cancellationToken);
        if (key is null)
        {
            return new NotFoundProblem($"No key with id '{keyId}' is registered.");
        }

        if (!Ed25519Keys.VerifyKeyRevocation(key.PublicKey, Base64.TryDecode(request.Proof)))
        {
            return new UnauthorizedProblem("The proof is not a signature of the key-revocation message by this key.");
        }

        return TypedResults.Ok(await RevokeAsync(key, db, clock, cancellationToken));
    }

    public static NotFoundProblem NotRegistered(string keyId) => new($"No key with id '{keyId}' is registered.");

    /// <summary>Marks a tracked key revoked (once: a second revocation keeps the first time) and saves.</summary>
    public static async Task<KeyResponse> RevokeAsync(SigningKey key, NearNativeDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (key.RevokedAt is null)
        {
            key.RevokedAt = clock.UtcNowForStorage();
            await db.SaveChangesAsync(cancellationToken);
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
