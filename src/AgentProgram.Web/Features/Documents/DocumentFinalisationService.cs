using System.Security.Cryptography;
using AgentProgram.Web.Data;
using AgentProgram.Web.Domain.Documents;
using AgentProgram.Web.Infrastructure.Audit;
using AgentProgram.Web.Infrastructure.Pdf;
using AgentProgram.Web.Infrastructure.Pdf.Components;
using Microsoft.EntityFrameworkCore;
using AgentProgram.Web.Infrastructure.Hosting;

namespace AgentProgram.Web.Features.Documents;

/// <summary>
/// A document ready to draw: what it is about, who signs it, and how to draw it with a stamp (a draft's, or a
/// finalised one's number and verification code). Built by <see cref="DocumentCatalogService"/> from a model handler.
/// </summary>
public sealed record PreparedDocument(
    DocumentKind Kind,
    string SubjectKey,
    string Subject,
    string FileName,
    SignatureModel? Signer,
    int? PeriodId,
    int? AgentId,
    int? MessageId,
    Func<DocumentStamp, byte[]> Render)
{
    /// <summary>Adds the document's pages to a file holding several documents (a batch of letters); null when the
    /// document can only be drawn on its own.</summary>
    public Action<DocumentDescriptor, DocumentStamp>? Compose { get; init; }

    /// <summary>The PDF's title and author (the institution) when drawn together with others.</summary>
    public string Title { get; init; } = "";

    public string Author { get; init; } = "";

    /// <summary>Why the document may not be finalised yet (Indonesian), or null when it may.</summary>
    public string? FinaliseBlockedReason { get; init; }
}

public sealed record FinalisedDocument(IssuedDocument Document, bool AlreadyFinalised);

/// <summary>
/// Finalises a document: reserves the next number of its kind for the year, draws it with that number and a
/// new verification code, and stores the bytes once with their SHA-256, all in one transaction. The counter is
/// moved by the transaction's first statement, so concurrent finalisations queue on it (SQLite's write lock,
/// SQL Server's row lock) and no number is given twice; a failure anywhere rolls the number back with the rest.
/// A subject finalised already (one per kind and subject) returns the stored document unchanged.
/// </summary>
public sealed class DocumentFinalisationService(AppDbContext db, AuditLog audit, TimeProvider clock)
{
    public const string AuditAction = "Document.Finalised";

    public Task<IssuedDocument?> FindAsync(DocumentKind kind, string subjectKey, CancellationToken ct = default) =>
        db.IssuedDocuments.AsNoTracking().SingleOrDefaultAsync(d => d.Kind == kind && d.SubjectKey == subjectKey, ct);

    public async Task<FinalisedDocument> FinaliseAsync(PreparedDocument document, DateOnly issuedOn, bool signedElectronically,
        string verificationBaseUrl, string? userId, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(verificationBaseUrl);
        if (await FindAsync(document.Kind, document.SubjectKey, ct) is { } existing) return new(existing, true);

        var pattern = await db.DocumentNumberFormats.AsNoTracking().Where(f => f.Kind == document.Kind)
            .Select(f => f.Pattern).SingleOrDefaultAsync(ct) ?? DocumentNumbering.DefaultPattern(document.Kind);

        var strategy = db.Database.CreateExecutionStrategy();
        try
        {
            return await strategy.ExecuteAsync(async token =>
            {
                db.ChangeTracker.Clear();
                await using var tx = await db.Database.BeginTransactionAsync(token);
                var sequence = await ReserveAsync(document.Kind, issuedOn.Year, token);
                var code = DocumentNumbering.NewVerificationCode();
                var number = DocumentNumbering.Format(pattern, sequence, issuedOn);
                var stamp = new DocumentStamp(number, code, VerificationUrl(verificationBaseUrl, code), issuedOn, signedElectronically);
                var bytes = document.Render(stamp);

                var issued = new IssuedDocument
                {
                    Kind = document.Kind,
                    SubjectKey = document.SubjectKey,
                    Subject = document.Subject,
                    Number = number,
                    Year = issuedOn.Year,
                    Sequence = sequence,
                    VerificationCode = code,
                    IssuedOn = issuedOn,
                    SignerName = document.Signer?.Name,
                    SignerTitle = document.Signer?.PositionTitle,
                    SignedElectronically = signedElectronically,
                    FinalisedUtc = clock.GetUtcNow().UtcDateTime,
                    FinalisedByUserId = userId,
                    Sha256 = Convert.ToHexStringLower(SHA256.HashData(bytes)),
                    Length = bytes.LongLength,
                    FileName = document.FileName,
                    PeriodId = document.PeriodId,
                    AgentId = document.AgentId,
                    MessageId = document.MessageId,
                };
                db.IssuedDocuments.Add(issued);
                await db.SaveChangesAsync(token);
                db.IssuedDocumentContents.Add(new IssuedDocumentContent { DocumentId = issued.Id, Bytes = bytes });
                await db.SaveChangesAsync(token);
                FaultPoints.Hit(FaultPoints.DocumentContentStored);
                await audit.WriteAsync(AuditAction, userId, detail: $"{document.Kind} {number}", entityType: nameof(IssuedDocument),
                    entityKey: issued.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), ct: token);
                await tx.CommitAsync(token);
                db.ChangeTracker.Clear();
                return new FinalisedDocument(issued, false);
            }, ct);
        }
        catch (DbUpdateException)
        {
            // Someone finalised the same subject a moment earlier: theirs stands, our number was rolled back.
            db.ChangeTracker.Clear();
            if (await FindAsync(document.Kind, document.SubjectKey, ct) is { } theirs) return new(theirs, true);
            throw;
        }
    }

    /// <summary>The stored bytes of a finalised document, exactly as they were first written.</summary>
    public Task<byte[]?> ContentAsync(long documentId, CancellationToken ct = default) =>
        db.IssuedDocumentContents.AsNoTracking().Where(c => c.DocumentId == documentId).Select(c => c.Bytes).SingleOrDefaultAsync(ct);

    public static string VerificationUrl(string baseUrl, string code) => $"{baseUrl.TrimEnd('/')}/verifikasi/{code}";

    private async Task<int> ReserveAsync(DocumentKind kind, int year, CancellationToken ct)
    {
        // The UPDATE comes first in the transaction: it takes the lock every other finalisation of the kind waits for.
        var moved = await db.DocumentCounters.Where(c => c.Kind == kind && c.Year == year)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.LastSequence, c => c.LastSequence + 1), ct);
        if (moved == 0)
        {
            // The year's first number. On SQL Server an UPDATE of no row locks nothing, so two first
            // finalisations can both get here: the loser's INSERT fails on the key and it takes the next number.
            db.DocumentCounters.Add(new DocumentCounter { Kind = kind, Year = year, LastSequence = 1 });
            try
            {
                await db.SaveChangesAsync(ct);
                return 1;
            }
            catch (DbUpdateException)
            {
                db.ChangeTracker.Clear();
                await db.DocumentCounters.Where(c => c.Kind == kind && c.Year == year)
                    .ExecuteUpdateAsync(s => s.SetProperty(c => c.LastSequence, c => c.LastSequence + 1), ct);
            }
            finally
            {
                db.ChangeTracker.Clear();
            }
        }
        return await db.DocumentCounters.AsNoTracking().Where(c => c.Kind == kind && c.Year == year).Select(c => c.LastSequence).SingleAsync(ct);
    }
}
