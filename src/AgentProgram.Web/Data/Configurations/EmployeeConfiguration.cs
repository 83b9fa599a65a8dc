using AgentProgram.Web.Domain.Employees;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AgentProgram.Web.Data.Configurations;

internal sealed class EmployeeConfiguration : IEntityTypeConfiguration<Employee>
{
    public void Configure(EntityTypeBuilder<Employee> b)
    {
        b.Property(e => e.Nip).HasMaxLength(18).IsFixedLength().IsUnicode(false).IsRequired();
        b.HasIndex(e => e.Nip).IsUnique();
        b.Property(e => e.NipLama).HasMaxLength(30);
        b.Property(e => e.SiasnPnsId).HasMaxLength(64);
        b.Property(e => e.Name).HasMaxLength(200).IsRequired();
        b.Property(e => e.TitlePrefix).HasMaxLength(50);
        b.Property(e => e.TitleSuffix).HasMaxLength(100);
        b.Property(e => e.Sex).HasConversion<string>().HasMaxLength(10);
        b.Property(e => e.EmploymentType).HasConversion<string>().HasMaxLength(20);
        b.Property(e => e.LegalStatus).HasConversion<string>().HasMaxLength(30);
        b.Property(e => e.LegalStatusName).HasMaxLength(100);
        b.Property(e => e.GolonganCode).HasMaxLength(10);
        b.Property(e => e.PositionType).HasConversion<string>().HasMaxLength(20);
        b.Property(e => e.PositionName).HasMaxLength(300);
        b.Property(e => e.Eselon).HasMaxLength(10);
        b.Property(e => e.SiasnUnorId).HasMaxLength(64);
        b.Property(e => e.SiasnUnorName).HasMaxLength(300);
        b.Property(e => e.WorkUnitName).HasMaxLength(300);
        b.Property(e => e.InstitutionName).HasMaxLength(300);
        b.Property(e => e.GovEmail).HasMaxLength(256);
        b.Property(e => e.Phone).HasMaxLength(30);
        b.Property(e => e.ImportHash).HasMaxLength(64);
        b.Property(e => e.Version).IsConcurrencyToken();
        b.Ignore(e => e.FullName);
        b.HasOne(e => e.Unit).WithMany().HasForeignKey(e => e.UnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(e => e.Name);
        b.HasIndex(e => new { e.UnitId, e.Name });
        b.HasIndex(e => new { e.EmploymentType, e.LegalStatus });
        b.HasIndex(e => e.GovEmail);
    }
}
