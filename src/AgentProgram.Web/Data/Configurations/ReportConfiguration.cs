using AgentProgram.Web.Domain.Agents;
using AgentProgram.Web.Domain.Messages;
using AgentProgram.Web.Domain.Organization;
using AgentProgram.Web.Domain.Reports;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AgentProgram.Web.Data.Configurations;

internal sealed class ShareReportConfiguration : IEntityTypeConfiguration<ShareReport>
{
    public void Configure(EntityTypeBuilder<ShareReport> b)
    {
        b.Property(r => r.Platform).HasConversion<string>().HasMaxLength(20);
        b.Property(r => r.PostUrl).HasMaxLength(500);
        b.Property(r => r.ClaimKey).HasMaxLength(PostLinks.MaxKeyLength).IsUnicode(false);
        b.Property(r => r.LinkHandle).HasMaxLength(100);
        b.Property(r => r.State).HasConversion<string>().HasMaxLength(20);
        b.Property(r => r.DecisionReason).HasMaxLength(ReportWorkflow.MaxReasonLength);
        b.Property(r => r.ReviewedByUserId).HasMaxLength(64);
        b.Property(r => r.ScreenshotPath).HasMaxLength(400);
        b.Property(r => r.ScreenshotContentType).HasMaxLength(50);
        b.Property(r => r.ScreenshotSha256).HasMaxLength(64).IsUnicode(false);
        b.Property(r => r.Version).IsConcurrencyToken();

        b.HasOne<Assignment>().WithMany().HasForeignKey(r => r.AssignmentId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Agent>().WithMany().HasForeignKey(r => r.AgentId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<PolicyMessage>().WithMany().HasForeignKey(r => r.MessageId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Unit>().WithMany().HasForeignKey(r => r.UnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(r => r.Snapshots).WithOne().HasForeignKey(s => s.ReportId).OnDelete(DeleteBehavior.Cascade);

        // One claim per post in the whole system (NULL for WhatsApp Status: SQL Server filters NULLs out of
        // a unique index on a nullable column by convention; SQLite allows many NULLs).
        b.HasIndex(r => r.ClaimKey).IsUnique();
        // A double-submitted form makes one report.
        b.HasIndex(r => new { r.AgentId, r.SubmissionKey }).IsUnique();
        // The verification queue: oldest first within a state.
        b.HasIndex(r => new { r.State, r.SubmittedUtc, r.Id });
        b.HasIndex(r => new { r.AgentId, r.SubmittedUtc });
        b.HasIndex(r => new { r.AssignmentId, r.Platform });
        b.HasIndex(r => new { r.MessageId, r.State });
        b.HasIndex(r => r.ScreenshotSha256);
    }
}

internal sealed class ReportSnapshotConfiguration : IEntityTypeConfiguration<ReportSnapshot>
{
    public void Configure(EntityTypeBuilder<ReportSnapshot> b)
    {
        b.Property(s => s.Source).HasConversion<string>().HasMaxLength(20);
        b.Property(s => s.Window).HasConversion<string>().HasMaxLength(20);
        b.Property(s => s.CreatedByUserId).HasMaxLength(64);
        b.Ignore(s => s.Values);
        b.HasIndex(s => new { s.ReportId, s.TakenUtc });
    }
}

internal sealed class PublicResponseConfiguration : IEntityTypeConfiguration<PublicResponse>
{
    public void Configure(EntityTypeBuilder<PublicResponse> b)
    {
        b.Property(p => p.Text).HasMaxLength(1000).IsRequired();
        b.Property(p => p.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(p => p.Sentiment).HasConversion<string>().HasMaxLength(20);
        b.Property(p => p.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(p => p.ResolutionNote).HasMaxLength(500);
        b.Property(p => p.ResolvedByUserId).HasMaxLength(64);
        b.Property(p => p.Version).IsConcurrencyToken();
        b.Ignore(p => p.NeedsAnswer);
        b.Ignore(p => p.ClosedWithin24Hours);
        b.HasOne<ShareReport>().WithMany().HasForeignKey(p => p.ReportId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<PolicyMessage>().WithMany().HasForeignKey(p => p.MessageId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Agent>().WithMany().HasForeignKey(p => p.AgentId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Unit>().WithMany().HasForeignKey(p => p.ConcernedUnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Unit>().WithMany().HasForeignKey(p => p.RoutedUnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(p => new { p.Status, p.RecordedUtc });
        b.HasIndex(p => new { p.MessageId, p.Kind });
    }
}
