using AgentProgram.Web.Domain.Imports;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AgentProgram.Web.Data.Configurations;

internal sealed class ImportBatchConfiguration : IEntityTypeConfiguration<ImportBatch>
{
    public void Configure(EntityTypeBuilder<ImportBatch> b)
    {
        b.Property(i => i.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(i => i.State).HasConversion<string>().HasMaxLength(20);
        b.Property(i => i.FileName).HasMaxLength(260).IsRequired();
        b.Property(i => i.UploadedByUserId).HasMaxLength(64);
        b.Property(i => i.FailureMessage).HasMaxLength(1000);
        b.HasIndex(i => new { i.Kind, i.UploadedUtc });
        b.HasIndex(i => i.State);
        b.HasMany(i => i.Issues).WithOne().HasForeignKey(r => r.BatchId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ImportRowIssueConfiguration : IEntityTypeConfiguration<ImportRowIssue>
{
    public void Configure(EntityTypeBuilder<ImportRowIssue> b)
    {
        b.Property(r => r.Nip).HasMaxLength(40);
        b.Property(r => r.Name).HasMaxLength(200);
        b.Property(r => r.Message).HasMaxLength(1000).IsRequired();
        b.HasIndex(r => new { r.BatchId, r.RowNumber });
    }
}
