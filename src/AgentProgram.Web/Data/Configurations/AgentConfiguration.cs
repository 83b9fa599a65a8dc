using AgentProgram.Web.Domain.Agents;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AgentProgram.Web.Data.Configurations;

internal sealed class AgentConfiguration : IEntityTypeConfiguration<Agent>
{
    public void Configure(EntityTypeBuilder<Agent> b)
    {
        b.Property(a => a.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(a => a.StatusReason).HasMaxLength(500);
        b.Property(a => a.UserId).HasMaxLength(64).IsRequired();
        b.Property(a => a.EnrolledByUserId).HasMaxLength(64);
        b.Property(a => a.Version).IsConcurrencyToken();
        b.HasOne(a => a.Employee).WithMany().HasForeignKey(a => a.EmployeeId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(a => a.User).WithMany().HasForeignKey(a => a.UserId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(a => a.EmployeeId).IsUnique();
        b.HasIndex(a => a.UserId).IsUnique();
        b.HasIndex(a => a.Status);
        b.Ignore(a => a.HasAcceptedTerms);
    }
}

internal sealed class SocialAccountConfiguration : IEntityTypeConfiguration<SocialAccount>
{
    public void Configure(EntityTypeBuilder<SocialAccount> b)
    {
        b.Property(s => s.Platform).HasConversion<string>().HasMaxLength(20);
        b.Property(s => s.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(s => s.State).HasConversion<string>().HasMaxLength(20);
        b.Property(s => s.Handle).HasMaxLength(100).IsRequired();
        b.Property(s => s.ProfileUrl).HasMaxLength(300).IsRequired();
        b.Property(s => s.RejectionReason).HasMaxLength(500);
        b.Property(s => s.ReviewedByUserId).HasMaxLength(64);
        b.Property(s => s.Version).IsConcurrencyToken();
        b.HasOne(s => s.Agent).WithMany(a => a.SocialAccounts).HasForeignKey(s => s.AgentId).OnDelete(DeleteBehavior.Cascade);
        // One account, one agent: the same handle cannot be registered twice on a platform.
        b.HasIndex(s => new { s.Platform, s.Handle }).IsUnique();
        b.HasIndex(s => new { s.State, s.CreatedUtc });
    }
}
