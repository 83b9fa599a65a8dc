using AgentProgram.Web.Domain.Messages;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AgentProgram.Web.Data.Configurations;

internal sealed class PolicyMessageConfiguration : IEntityTypeConfiguration<PolicyMessage>
{
    public void Configure(EntityTypeBuilder<PolicyMessage> b)
    {
        b.ToTable("PolicyMessages");
        b.Property(m => m.Title).HasMaxLength(200).IsRequired();
        b.Property(m => m.PolicyReference).HasMaxLength(300).IsRequired();
        b.Property(m => m.Source).HasConversion<string>().HasMaxLength(30);
        b.Property(m => m.SourceNote).HasMaxLength(300);
        b.Property(m => m.Mission).HasConversion<string>().HasMaxLength(20);
        b.Property(m => m.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(m => m.AuthorUserId).HasMaxLength(64).IsRequired();
        b.Property(m => m.ElectionFlag).HasMaxLength(200);
        b.Property(m => m.WithdrawnReason).HasMaxLength(500);
        b.Property(m => m.Version).IsConcurrencyToken();
        b.HasOne(m => m.SourceUnit).WithMany().HasForeignKey(m => m.SourceUnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(m => m.Revisions).WithOne(r => r.Message).HasForeignKey(r => r.MessageId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(m => new { m.Status, m.ActiveUntilUtc });
        b.HasIndex(m => m.CreatedUtc);
    }
}

internal sealed class MessageRevisionConfiguration : IEntityTypeConfiguration<MessageRevision>
{
    public void Configure(EntityTypeBuilder<MessageRevision> b)
    {
        b.Property(r => r.KeyMessage).HasMaxLength(2000).IsRequired();
        b.Property(r => r.PublicBenefit).HasMaxLength(1000);
        b.Property(r => r.CanonicalUrl).HasMaxLength(500).IsRequired();
        b.Property(r => r.Hashtags).HasMaxLength(300);
        b.Property(r => r.CreatedByUserId).HasMaxLength(64).IsRequired();
        b.Property(r => r.ApprovedByUserId).HasMaxLength(64);
        b.HasIndex(r => new { r.MessageId, r.Number }).IsUnique();
        b.HasMany(r => r.Captions).WithOne().HasForeignKey(c => c.RevisionId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(r => r.Glossary).WithOne().HasForeignKey(g => g.RevisionId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(r => r.Media).WithOne().HasForeignKey(m => m.RevisionId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CaptionVariantConfiguration : IEntityTypeConfiguration<CaptionVariant>
{
    public void Configure(EntityTypeBuilder<CaptionVariant> b)
    {
        b.Property(c => c.Platform).HasConversion<string>().HasMaxLength(20);
        b.Property(c => c.Text).HasMaxLength(5000).IsRequired();
        b.HasIndex(c => new { c.RevisionId, c.Platform }).IsUnique();
    }
}

internal sealed class GlossaryEntryConfiguration : IEntityTypeConfiguration<GlossaryEntry>
{
    public void Configure(EntityTypeBuilder<GlossaryEntry> b)
    {
        b.Property(g => g.Term).HasMaxLength(100).IsRequired();
        b.Property(g => g.Meaning).HasMaxLength(500).IsRequired();
    }
}

internal sealed class MediaFileConfiguration : IEntityTypeConfiguration<MediaFile>
{
    public void Configure(EntityTypeBuilder<MediaFile> b)
    {
        b.Property(m => m.FileName).HasMaxLength(260).IsRequired();
        b.Property(m => m.ContentType).HasMaxLength(100).IsRequired();
        b.Property(m => m.Sha256).HasMaxLength(64).IsUnicode(false).IsRequired();
        b.Property(m => m.StoragePath).HasMaxLength(400).IsRequired();
    }
}

internal sealed class AssignmentConfiguration : IEntityTypeConfiguration<Assignment>
{
    public void Configure(EntityTypeBuilder<Assignment> b)
    {
        b.Property(a => a.AssignedByUserId).HasMaxLength(64);
        b.HasOne(a => a.Message).WithMany().HasForeignKey(a => a.MessageId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(a => a.Agent).WithMany().HasForeignKey(a => a.AgentId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(a => new { a.MessageId, a.AgentId }).IsUnique();
        b.HasIndex(a => new { a.AgentId, a.DueUtc });
    }
}

internal sealed class TrackedLinkConfiguration : IEntityTypeConfiguration<TrackedLink>
{
    public void Configure(EntityTypeBuilder<TrackedLink> b)
    {
        b.Property(t => t.Platform).HasConversion<string>().HasMaxLength(20);
        b.Property(t => t.Token).HasMaxLength(22).IsFixedLength().IsUnicode(false).IsRequired();
        b.HasIndex(t => t.Token).IsUnique();
        b.HasIndex(t => new { t.AssignmentId, t.Platform }).IsUnique();
        b.HasOne(t => t.Assignment).WithMany().HasForeignKey(t => t.AssignmentId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class LinkClickConfiguration : IEntityTypeConfiguration<LinkClick>
{
    public void Configure(EntityTypeBuilder<LinkClick> b)
    {
        b.Property(c => c.VisitorHash).HasMaxLength(64).IsUnicode(false).IsRequired();
        b.HasOne<TrackedLink>().WithMany().HasForeignKey(c => c.TrackedLinkId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(c => new { c.TrackedLinkId, c.OccurredUtc });
    }
}

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> b)
    {
        b.Property(n => n.UserId).HasMaxLength(64).IsRequired();
        b.Property(n => n.Kind).HasConversion<string>().HasMaxLength(30);
        b.Property(n => n.Text).HasMaxLength(500).IsRequired();
        b.Property(n => n.Url).HasMaxLength(300);
        b.HasIndex(n => new { n.UserId, n.ReadUtc, n.CreatedUtc });
    }
}

internal sealed class ElectionConfiguration : IEntityTypeConfiguration<ElectionPeriodSetting>, IEntityTypeConfiguration<ElectionCandidate>
{
    public void Configure(EntityTypeBuilder<ElectionPeriodSetting> b)
    {
        b.ToTable("ElectionPeriods");
        b.Property(p => p.Version).IsConcurrencyToken();
        b.Property(p => p.Name).HasMaxLength(200).IsRequired();
        b.Property(p => p.Kind).HasConversion<string>().HasMaxLength(30);
    }

    public void Configure(EntityTypeBuilder<ElectionCandidate> b)
    {
        b.ToTable("ElectionCandidates");
        b.Property(c => c.Name).HasMaxLength(200).IsRequired();
        b.HasIndex(c => c.Name).IsUnique();
    }
}
