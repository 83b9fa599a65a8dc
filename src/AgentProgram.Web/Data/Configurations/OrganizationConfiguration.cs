using AgentProgram.Web.Domain.Organization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AgentProgram.Web.Data.Configurations;

internal sealed class InstitutionConfiguration : IEntityTypeConfiguration<Institution>
{
    public void Configure(EntityTypeBuilder<Institution> b)
    {
        b.Property(i => i.Name).HasMaxLength(200).IsRequired();
        b.Property(i => i.ShortName).HasMaxLength(50).IsRequired();
        b.Property(i => i.Address).HasMaxLength(300);
        b.Property(i => i.City).HasMaxLength(100);
        b.Property(i => i.Phone).HasMaxLength(50);
        b.Property(i => i.Website).HasMaxLength(200);
    }
}

internal sealed class UnitConfiguration : IEntityTypeConfiguration<Unit>
{
    public void Configure(EntityTypeBuilder<Unit> b)
    {
        b.Property(u => u.Name).HasMaxLength(200).IsRequired();
        b.Property(u => u.Code).HasMaxLength(50);
        b.Property(u => u.Eselon).HasMaxLength(20);
        b.Property(u => u.HeadTitle).HasMaxLength(200);
        b.Property(u => u.SiasnUnorId).HasMaxLength(64);
        b.HasOne(u => u.Parent).WithMany(u => u.Children).HasForeignKey(u => u.ParentId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(u => u.SiasnUnorId).IsUnique().HasFilter("[SiasnUnorId] IS NOT NULL");
        b.HasIndex(u => new { u.ParentId, u.Name });
    }
}
