using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NearNative.Api.Submissions;
using NearNative.Domain.Cpu;

namespace NearNative.Api.Data;

public sealed class LeaderboardCellConfiguration : IEntityTypeConfiguration<LeaderboardCell>
{
    public void Configure(EntityTypeBuilder<LeaderboardCell> builder)
    {
        builder.ToTable("leaderboard_cells");

        // Key order serves the reads: a leaderboard is (suite, metric), a badge (suite, metric, runtime).
        builder.HasKey(c => new { c.Suite, c.Metric, c.RuntimeSlug, c.RuntimeVersion, c.Size, c.CpuKey });
        builder.Property(c => c.Suite).HasMaxLength(DocumentLimits.MaxIdentifier);
        builder.Property(c => c.Metric).HasMaxLength(DocumentLimits.MaxIdentifier * 2);
        builder.Property(c => c.RuntimeSlug).HasMaxLength(DocumentLimits.MaxIdentifier);
        builder.Property(c => c.RuntimeVersion).HasMaxLength(DocumentLimits.MaxName);
        builder.Property(c => c.Size).HasMaxLength(16);
        builder.Property(c => c.CpuKey).HasMaxLength(CpuKey.MaxLength);
        builder.Property(c => c.RuntimeName).HasMaxLength(DocumentLimits.MaxName);
        builder.Property(c => c.Configuration).HasMaxLength(DocumentLimits.MaxIdentifier);
        builder.Property(c => c.CpuBrand).HasMaxLength(DocumentLimits.MaxMachineText);

        // Maintenance rewrites a CPU key's cells of some runtimes.
        builder.HasIndex(c => new { c.Suite, c.Size, c.CpuKey, c.RuntimeSlug });
    }
}
