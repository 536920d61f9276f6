using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NearNative.Api.Submissions;

namespace NearNative.Api.Data;

public sealed class RuntimeResultConfiguration : IEntityTypeConfiguration<RuntimeResult>
{
    public void Configure(EntityTypeBuilder<RuntimeResult> builder)
    {
        builder.ToTable("runtime_results");
        builder.HasKey(r => new { r.SubmissionId, r.Slug });
        builder.Property(r => r.Slug).HasMaxLength(DocumentLimits.MaxIdentifier);
        builder.Property(r => r.Name).HasMaxLength(DocumentLimits.MaxName);
        builder.Property(r => r.Version).HasMaxLength(DocumentLimits.MaxName);
        builder.Property(r => r.Configuration).HasMaxLength(DocumentLimits.MaxIdentifier);
        builder.HasMany(r => r.Workloads)
            .WithOne()
            .HasForeignKey(w => new { w.SubmissionId, w.RuntimeSlug })
            .OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(r => r.Categories)
            .WithOne()
            .HasForeignKey(c => new { c.SubmissionId, c.RuntimeSlug })
            .OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(r => r.Slug);
    }
}
