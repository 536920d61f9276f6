using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NearNative.Domain.Cpu;

namespace NearNative.Api.Data;

public sealed class LeaderboardCellMachineConfiguration : IEntityTypeConfiguration<LeaderboardCellMachine>
{
    public void Configure(EntityTypeBuilder<LeaderboardCellMachine> builder)
    {
        builder.ToTable("leaderboard_cell_machines");
        builder.HasKey(m => new { m.Suite, m.Size, m.CpuKey, m.RuntimeSlug, m.RuntimeVersion, m.Metric, m.MachineId });
        CellColumns.Configure(builder);
        builder.Property(m => m.MachineId).HasMaxLength(MachineIdentity.Length);
        builder.Ignore(m => m.Vote);
        builder.Ignore(m => m.Own);
        builder.Ignore(m => m.SecondaryVote);

        // An ingest rewrites one machine's rows of some runtimes in a group.
        builder.HasIndex(m => new { m.Suite, m.Size, m.CpuKey, m.MachineId, m.RuntimeSlug });
    }
}
