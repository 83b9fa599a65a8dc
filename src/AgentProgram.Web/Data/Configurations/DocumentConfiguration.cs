using AgentProgram.Web.Domain.Documents;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AgentProgram.Web.Data.Configurations;

internal sealed class IssuedDocumentConfiguration : IEntityTypeConfiguration<IssuedDocument>
{
    public void Configure(EntityTypeBuilder<IssuedDocument> b)
    {
        b.Property(d => d.Kind).HasConversion<string>().HasMaxLength(30);
        b.Property(d => d.SubjectKey).HasMaxLength(100);
        b.Property(d => d.Subject).HasMaxLength(300);
        b.Property(d => d.Number).HasMaxLength(100);
        b.Property(d => d.VerificationCode).HasMaxLength(16).IsUnicode(false);
        b.Property(d => d.SignerName).HasMaxLength(200);
        b.Property(d => d.SignerTitle).HasMaxLength(200);
        b.Property(d => d.FinalisedByUserId).HasMaxLength(64);
        b.Property(d => d.Sha256).HasMaxLength(64).IsUnicode(false);
        b.Property(d => d.FileName).HasMaxLength(150);

        // One finalised document per kind and subject; one number per kind and year; one page per code.
        b.HasIndex(d => new { d.Kind, d.SubjectKey }).IsUnique();
        b.HasIndex(d => new { d.Kind, d.Year, d.Sequence }).IsUnique();
        b.HasIndex(d => d.VerificationCode).IsUnique();
        b.HasIndex(d => d.PeriodId);
        b.HasIndex(d => d.MessageId);
        b.HasOne<IssuedDocumentContent>().WithOne().HasForeignKey<IssuedDocumentContent>(c => c.DocumentId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class IssuedDocumentContentConfiguration : IEntityTypeConfiguration<IssuedDocumentContent>
{
    public void Configure(EntityTypeBuilder<IssuedDocumentContent> b)
    {
        b.HasKey(c => c.DocumentId);
        b.Property(c => c.DocumentId).ValueGeneratedNever();
    }
}

internal sealed class DocumentCounterConfiguration : IEntityTypeConfiguration<DocumentCounter>
{
    public void Configure(EntityTypeBuilder<DocumentCounter> b)
    {
        b.HasKey(c => new { c.Kind, c.Year });
        b.Property(c => c.Kind).HasConversion<string>().HasMaxLength(30);
    }
}

internal sealed class DocumentNumberFormatConfiguration : IEntityTypeConfiguration<DocumentNumberFormat>
{
    public void Configure(EntityTypeBuilder<DocumentNumberFormat> b)
    {
        b.HasKey(f => f.Kind);
        b.Property(f => f.Kind).HasConversion<string>().HasMaxLength(30);
        b.Property(f => f.Pattern).HasMaxLength(100);
        b.Property(f => f.Version).IsConcurrencyToken();
    }
}
