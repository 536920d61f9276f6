using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace NearNative.Api.Data;

public sealed class LeaderboardCellVotesConfiguration : IEntityTypeConfiguration<LeaderboardCellVotes>
{
    public void Configure(EntityTypeBuilder<LeaderboardCellVotes> builder)
    {
        builder.ToTable("leaderboard_cell_votes");
        builder.HasKey(v => new { v.Suite, v.Size, v.CpuKey, v.RuntimeSlug, v.RuntimeVersion, v.Metric });
        CellColumns.Configure(builder);
    }
}
