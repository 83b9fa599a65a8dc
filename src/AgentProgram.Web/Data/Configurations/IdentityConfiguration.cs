using AgentProgram.Web.Domain.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AgentProgram.Web.Data.Configurations;

internal sealed class AppUserConfiguration : IEntityTypeConfiguration<AppUser>
{
    public void Configure(EntityTypeBuilder<AppUser> b)
    {
        b.Property(u => u.DisplayName).HasMaxLength(200).IsRequired();
        b.HasIndex(u => u.IsActive);
    }
}

/// <summary>The five roles exist in every installation, so they ship in the migrations.</summary>
internal sealed class AppRoleConfiguration : IEntityTypeConfiguration<AppRole>
{
    public void Configure(EntityTypeBuilder<AppRole> b)
    {
        b.HasData(Roles.All.Select((name, i) => new AppRole(name)
        {
            Id = $"role-{name.ToLowerInvariant()}",
            NormalizedName = name.ToUpperInvariant(),
            ConcurrencyStamp = $"seed-{i + 1}",
        }));
    }
}
