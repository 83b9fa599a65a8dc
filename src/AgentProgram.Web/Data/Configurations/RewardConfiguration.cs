using AgentProgram.Web.Domain.Agents;
using AgentProgram.Web.Domain.Rewards;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AgentProgram.Web.Data.Configurations;

internal sealed class RewardSchemeConfiguration : IEntityTypeConfiguration<RewardScheme>
{
    public void Configure(EntityTypeBuilder<RewardScheme> b)
    {
        b.Property(s => s.Name).HasMaxLength(150);
        b.Property(s => s.Description).HasMaxLength(1000);
        b.Property(s => s.CreatedByUserId).HasMaxLength(64);
        b.Property(s => s.Version).IsConcurrencyToken();
        b.HasIndex(s => s.Name).IsUnique();
        b.HasMany(s => s.Versions).WithOne().HasForeignKey(v => v.SchemeId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class RewardSchemeVersionConfiguration : IEntityTypeConfiguration<RewardSchemeVersion>
{
    public void Configure(EntityTypeBuilder<RewardSchemeVersion> b)
    {
        b.Property(v => v.State).HasConversion<string>().HasMaxLength(20);
        b.Property(v => v.RulesJson);
        b.Property(v => v.ChangeNote).HasMaxLength(1000);
        b.Property(v => v.CreatedByUserId).HasMaxLength(64);
        b.Property(v => v.ApprovedByUserId).HasMaxLength(64);
        b.Property(v => v.Version).IsConcurrencyToken();
        b.Ignore(v => v.Rules);
        b.HasIndex(v => new { v.SchemeId, v.Number }).IsUnique();
    }
}

internal sealed class RewardPeriodConfiguration : IEntityTypeConfiguration<RewardPeriod>
{
    public void Configure(EntityTypeBuilder<RewardPeriod> b)
    {
        b.Property(p => p.Name).HasMaxLength(100);
        b.Property(p => p.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(p => p.State).HasConversion<string>().HasMaxLength(20);
        b.Property(p => p.CreatedByUserId).HasMaxLength(64);
        b.Property(p => p.ApprovedByUserId).HasMaxLength(64);
        b.Property(p => p.ClosedByUserId).HasMaxLength(64);
        b.Property(p => p.ReopenedByUserId).HasMaxLength(64);
        b.Property(p => p.ReopenReason).HasMaxLength(500);
        b.Property(p => p.Notes).HasMaxLength(4000);
        b.Property(p => p.Version).IsConcurrencyToken();
        b.Ignore(p => p.IsFrozen);
        b.HasIndex(p => p.Name).IsUnique();
        b.HasIndex(p => new { p.StartDate, p.EndDate });
        b.HasOne<RewardScheme>().WithMany().HasForeignKey(p => p.SchemeId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<RewardSchemeVersion>().WithMany().HasForeignKey(p => p.SchemeVersionId).OnDelete(DeleteBehavior.Restrict);
        // CurrentRunId is deliberately not a foreign key: runs point at their period, and a key each way would be a cycle.
    }
}

internal sealed class RewardRunConfiguration : IEntityTypeConfiguration<RewardRun>
{
    public void Configure(EntityTypeBuilder<RewardRun> b)
    {
        b.Property(r => r.ComputedByUserId).HasMaxLength(64);
        b.Property(r => r.ApprovedByUserId).HasMaxLength(64);
        b.Property(r => r.ResultHash).HasMaxLength(64).IsUnicode(false);
        b.HasIndex(r => new { r.PeriodId, r.Number }).IsUnique();
        b.HasOne<RewardPeriod>().WithMany().HasForeignKey(r => r.PeriodId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<RewardSchemeVersion>().WithMany().HasForeignKey(r => r.SchemeVersionId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class RewardResultConfiguration : IEntityTypeConfiguration<RewardResult>
{
    public void Configure(EntityTypeBuilder<RewardResult> b)
    {
        b.Property(r => r.EmploymentType).HasConversion<string>().HasMaxLength(20);
        b.Property(r => r.Ineligible).HasConversion<int>();
        b.Property(r => r.Outcomes).HasConversion<int>();
        foreach (var p in new[] { nameof(RewardResult.SharePoints), nameof(RewardResult.TimelyPoints), nameof(RewardResult.DeductionPoints),
                     nameof(RewardResult.Participation), nameof(RewardResult.Engagement), nameof(RewardResult.Score) })
            b.Property(p).HasPrecision(18, 2);
        b.Property(r => r.TopPercent).HasPrecision(9, 4);
        b.Property(r => r.Lines);
        b.Ignore(r => r.IsEligible);
        b.HasIndex(r => new { r.RunId, r.AgentId }).IsUnique();
        b.HasIndex(r => new { r.RunId, r.Rank });
        b.HasIndex(r => new { r.RunId, r.UnitId });
        b.HasOne<RewardRun>().WithMany().HasForeignKey(r => r.RunId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Agent>().WithMany().HasForeignKey(r => r.AgentId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ConductRecordConfiguration : IEntityTypeConfiguration<ConductRecord>
{
    public void Configure(EntityTypeBuilder<ConductRecord> b)
    {
        b.Property(c => c.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(c => c.Note).HasMaxLength(1000);
        b.Property(c => c.RecordedByUserId).HasMaxLength(64);
        b.Property(c => c.RevokedByUserId).HasMaxLength(64);
        b.Property(c => c.RevokeReason).HasMaxLength(500);
        b.Property(c => c.Version).IsConcurrencyToken();
        b.HasIndex(c => new { c.AgentId, c.StartDate });
        b.HasOne<Agent>().WithMany().HasForeignKey(c => c.AgentId).OnDelete(DeleteBehavior.Restrict);
    }
}
