using AgentProgram.Web.Domain.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AgentProgram.Web.Data.Configurations;

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> b)
    {
        b.ToTable("AuditEntries");
        b.Property(a => a.UserId).HasMaxLength(64);
        b.Property(a => a.UserName).HasMaxLength(256);
        b.Property(a => a.Action).HasMaxLength(40).IsRequired();
        b.Property(a => a.EntityType).HasMaxLength(100);
        b.Property(a => a.EntityKey).HasMaxLength(100);
        b.Property(a => a.IpAddress).HasMaxLength(45);
        b.Property(a => a.Path).HasMaxLength(256);
        b.HasIndex(a => a.OccurredUtc);
        b.HasIndex(a => new { a.EntityType, a.EntityKey });
        b.HasIndex(a => new { a.UserId, a.OccurredUtc });
        b.HasIndex(a => new { a.Action, a.OccurredUtc });
    }
}
