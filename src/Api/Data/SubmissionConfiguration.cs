using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NearNative.Api.Submissions;
using NearNative.Domain.Cpu;
using NearNative.Domain.Signing;

namespace NearNative.Api.Data;

public sealed class SubmissionConfiguration : IEntityTypeConfiguration<Submission>
{
    public void Configure(EntityTypeBuilder<Submission> builder)
    {
        builder.ToTable("submissions");

        // The primary key is the unique constraint that makes replays harmless.
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).HasMaxLength(64);
        builder.Property(s => s.KeyId).HasMaxLength(KeyId.Length);
        builder.Property(s => s.Nonce).HasMaxLength(DocumentLimits.MaxNonce);
        builder.Property(s => s.Suite).HasMaxLength(DocumentLimits.MaxIdentifier);
        builder.Property(s => s.Size).HasMaxLength(16);
        builder.Property(s => s.AgentVersion).HasMaxLength(DocumentLimits.MaxIdentifier);
        builder.Property(s => s.MachineId).HasMaxLength(MachineIdentity.Length);
        builder.Property(s => s.CpuKey).HasMaxLength(CpuKey.MaxLength);
        builder.Property(s => s.CpuArchitecture).HasMaxLength(DocumentLimits.MaxMachineText);
        builder.Property(s => s.CpuVendor).HasMaxLength(DocumentLimits.MaxMachineText);
        builder.Property(s => s.CpuBrand).HasMaxLength(DocumentLimits.MaxMachineText);
        builder.Property(s => s.CpuVirtualization).HasMaxLength(DocumentLimits.MaxMachineText);
        builder.Property(s => s.Status).HasMaxLength(16);
        builder.Property(s => s.QuarantineReason).HasMaxLength(DocumentLimits.MaxReason);
        builder.Property(s => s.Signature).HasMaxLength(Ed25519Keys.SignatureLength);

        // The signed document (hundreds of KB of JSON) is stored out of line, compressed; on PostgreSQL with lz4, which
        // compresses several times faster than the default pglz for a similar size, and ingest writes one per request.
        builder.Property(s => s.Document).UseCompressionMethod("lz4");

        builder.HasOne<SigningKey>().WithMany().HasForeignKey(s => s.KeyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(s => s.Runtimes).WithOne().HasForeignKey(r => r.SubmissionId).OnDelete(DeleteBehavior.Cascade);

        builder.HasIndex(s => new { s.Suite, s.Size, s.Status });

        // A nonce names one run of one key: signed again with other bytes it is refused, never stored twice.
        // The index also serves every lookup by key.
        builder.HasIndex(s => new { s.KeyId, s.Nonce }).IsUnique();

        // "On my CPU": the leaderboard's cpu filter and the CPU list.
        builder.HasIndex(s => new { s.Suite, s.CpuKey });

        // The submission list's order and its cursor: newest received first, ties by id (read backwards).
        builder.HasIndex(s => new { s.ReceivedAt, s.Id });
    }
}
