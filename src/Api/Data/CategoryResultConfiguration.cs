using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NearNative.Api.Submissions;

namespace NearNative.Api.Data;

public sealed class CategoryResultConfiguration : IEntityTypeConfiguration<CategoryResult>
{
    public void Configure(EntityTypeBuilder<CategoryResult> builder)
    {
        builder.ToTable("category_results");
        builder.HasKey(c => new { c.SubmissionId, c.RuntimeSlug, c.Category });
        builder.Property(c => c.RuntimeSlug).HasMaxLength(DocumentLimits.MaxIdentifier);
        builder.Property(c => c.Category).HasMaxLength(DocumentLimits.MaxIdentifier);

        // The leaderboard reads one category across submissions.
        builder.HasIndex(c => c.Category);
    }
}
