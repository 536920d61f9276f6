using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NearNative.Api.Submissions;

namespace NearNative.Api.Data;

public sealed class WorkloadResultConfiguration : IEntityTypeConfiguration<WorkloadResult>
{
    public void Configure(EntityTypeBuilder<WorkloadResult> builder)
    {
        builder.ToTable("workload_results");
        builder.HasKey(w => new { w.SubmissionId, w.RuntimeSlug, w.Workload });
        builder.Property(w => w.RuntimeSlug).HasMaxLength(DocumentLimits.MaxIdentifier);
        builder.Property(w => w.Workload).HasMaxLength(DocumentLimits.MaxIdentifier);
        builder.Property(w => w.Category).HasMaxLength(DocumentLimits.MaxIdentifier);
        builder.Property(w => w.Status).HasMaxLength(32);
    }
}
