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
        b.Property(i => i.Email).HasMaxLength(256);
        b.Property(i => i.LetterheadLines).HasMaxLength(1000);
        b.Property(i => i.LogoContentType).HasMaxLength(50);
        b.Property(i => i.Version).IsConcurrencyToken();
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
        b.Property(u => u.Version).IsConcurrencyToken();
    }
}

internal sealed class SignatoryConfiguration : IEntityTypeConfiguration<Signatory>
{
    public void Configure(EntityTypeBuilder<Signatory> b)
    {
        b.Property(s => s.Role).HasConversion<string>().HasMaxLength(40);
        b.Property(s => s.Name).HasMaxLength(200).IsRequired();
        b.Property(s => s.PositionTitle).HasMaxLength(200).IsRequired();
        b.Property(s => s.Nip).HasMaxLength(18).IsFixedLength().IsUnicode(false);
        b.Property(s => s.GolonganCode).HasMaxLength(10);
        b.Property(s => s.Version).IsConcurrencyToken();
        b.HasIndex(s => s.Role);
    }
}
