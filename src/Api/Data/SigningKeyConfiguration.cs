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
    }
}
