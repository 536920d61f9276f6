using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NearNative.Domain.Signing;

namespace NearNative.Api.Data;

public sealed class SigningKeyConfiguration : IEntityTypeConfiguration<SigningKey>
{
    public void Configure(EntityTypeBuilder<SigningKey> builder)
    {
        builder.ToTable("signing_keys");
        builder.HasKey(k => k.KeyId);
        builder.Property(k => k.KeyId).HasMaxLength(KeyId.Length);
        builder.Property(k => k.PublicKey).HasMaxLength(Ed25519Keys.PublicKeyLength);
        builder.HasIndex(k => k.PublicKey).IsUnique();
        builder.Property(k => k.DisplayName).HasMaxLength(KeyRegistrationRequest.MaxDisplayNameLength);
        builder.Property(k => k.ContributorId).HasMaxLength(KeyId.Length);
        builder.HasIndex(k => k.ContributorId);

        // Not a foreign key: SQLite could add one only by rebuilding the table, and a key row is never deleted.
        builder.Property(k => k.ReplacedBy).HasMaxLength(KeyId.Length);
    }
}
