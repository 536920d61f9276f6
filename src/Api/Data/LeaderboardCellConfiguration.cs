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
        CellColumns.Configure(builder);
        builder.Property(c => c.RuntimeName).HasMaxLength(DocumentLimits.MaxName);
        builder.Property(c => c.Configuration).HasMaxLength(DocumentLimits.MaxIdentifier);
        builder.Property(c => c.CpuBrand).HasMaxLength(DocumentLimits.MaxMachineText);

        // Maintenance rewrites a CPU key's cells of some runtimes.
        builder.HasIndex(c => new { c.Suite, c.Size, c.CpuKey, c.RuntimeSlug });

        // The list of runtimes a badge checks first is read from this index, one probe per runtime (RuntimeDirectory).
        builder.HasIndex(c => new { c.Suite, c.RuntimeSlug });
    }
}

/// <summary>The columns that name a cell, with the lengths a document can fill; shared by cells and their machine rows.</summary>
public static class CellColumns
{
    public static void Configure<T>(EntityTypeBuilder<T> builder)
        where T : class, ICellRow
    {
        builder.Property(nameof(ICellRow.Suite)).HasMaxLength(DocumentLimits.MaxIdentifier);
        builder.Property(nameof(ICellRow.Metric)).HasMaxLength(DocumentLimits.MaxIdentifier * 2);
        builder.Property(nameof(ICellRow.RuntimeSlug)).HasMaxLength(DocumentLimits.MaxIdentifier);
        builder.Property(nameof(ICellRow.RuntimeVersion)).HasMaxLength(DocumentLimits.MaxName);
        builder.Property(nameof(ICellRow.Size)).HasMaxLength(16);
        builder.Property(nameof(ICellRow.CpuKey)).HasMaxLength(CpuKey.MaxLength);
    }
}
