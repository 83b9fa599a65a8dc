using System.Globalization;
using System.IO.Compression;
using AgentProgram.Web.Data;
using AgentProgram.Web.Domain.Documents;
using AgentProgram.Web.Domain.Rewards;
using AgentProgram.Web.Infrastructure.Pdf.Components;
using AgentProgram.Web.Infrastructure.Time;
using Microsoft.EntityFrameworkCore;

namespace AgentProgram.Web.Features.Documents;

/// <summary>A document kind's place on the period's documents page.</summary>
/// <param name="Finalised">The finalised document of a single kind (summary, appendix, memo, decree), if any.</param>
/// <param name="FinalisedCount">Finalised letters or certificates of the period (batch kinds).</param>
public sealed record DocumentKindRow(DocumentKind Kind, string Slug, string Label, bool IsBatch, IssuedDocumentRow? Finalised, int FinalisedCount);

public sealed record IssuedDocumentRow(long Id, DocumentKind Kind, string Number, string Subject, DateOnly IssuedOn, string? SignerName, bool SignedElectronically, string VerificationCode);

/// <param name="FinaliseBlockedReason">Why reward documents cannot be finalised yet (results not approved), or null.</param>
public sealed record PeriodDocumentsPage(
    int PeriodId, string PeriodName, string StateLabel, string? FinaliseBlockedReason,
    IReadOnlyList<DocumentKindRow> Kinds, IReadOnlyList<IssuedDocumentRow> Issued, int Page, int PageCount, int IssuedTotal);

/// <summary>A file to send: stored bytes of a finalised document, or a draft drawn now.</summary>
public sealed record DocumentFile(byte[] Bytes, string FileName, string ContentType = "application/pdf");

/// <summary>Outcome of a finalisation request.</summary>
public sealed record FinaliseOutcome(bool Found, string? Refusal, int Finalised, int AlreadyFinalised, string? Number);

/// <summary>
/// The documents pages and downloads: what is finalised, drafts drawn on request (stored bytes returned as
/// soon as a document is finalised), finalisation one by one or as a batch. Page and URL slugs are Indonesian.
/// </summary>
public sealed class DocumentPagesHandler(AppDbContext db, DocumentCatalogService catalog, DocumentFinalisationService finalisation, Display display, TimeProvider clock)
{
    public const int PageSize = 25;

    private static readonly (DocumentKind Kind, string Slug)[] Slugs =
    [
        (DocumentKind.Summary, "ringkasan"),
        (DocumentKind.Appendix, "lampiran"),
        (DocumentKind.RecommendationMemo, "nota-dinas"),
        (DocumentKind.RecommendationLetter, "rekomendasi"),
        (DocumentKind.Certificate, "piagam"),
        (DocumentKind.Decree, "sk-penetapan"),
        (DocumentKind.AgentStatement, "laporan-agen"),
        (DocumentKind.MessageReport, "laporan-pesan"),
    ];

    public static string Slug(DocumentKind kind) => Slugs.Single(s => s.Kind == kind).Slug;

    public static DocumentKind? KindOf(string? slug) =>
        Slugs.Where(s => string.Equals(s.Slug, slug, StringComparison.Ordinal)).Select(s => (DocumentKind?)s.Kind).FirstOrDefault();

    /// <summary>Today in the institution's time zone: the date documents carry.</summary>
    public DateOnly Today() => DateOnly.FromDateTime(display.ToLocal(clock.GetUtcNow().UtcDateTime));

    public async Task<PeriodDocumentsPage?> PeriodAsync(int periodId, int page, CancellationToken ct = default)
    {
        var period = await db.RewardPeriods.AsNoTracking().Where(p => p.Id == periodId).Select(p => new { p.Name, p.State }).SingleOrDefaultAsync(ct);
        if (period is null) return null;
        var counts = await db.IssuedDocuments.AsNoTracking().Where(d => d.PeriodId == periodId)
            .GroupBy(d => d.Kind).Select(g => new { Kind = g.Key, Count = g.Count() }).ToListAsync(ct);
        var total = counts.Sum(c => c.Count);
        var pageCount = Math.Max(1, (total + PageSize - 1) / PageSize);
        page = Math.Clamp(page, 1, pageCount);
        var issued = await Rows(db.IssuedDocuments.AsNoTracking().Where(d => d.PeriodId == periodId)
            .OrderBy(d => d.Kind).ThenBy(d => d.Sequence).Skip((page - 1) * PageSize).Take(PageSize)).ToListAsync(ct);

        var singles = await Rows(db.IssuedDocuments.AsNoTracking().Where(d => d.PeriodId == periodId && d.AgentId == null
            && d.Kind != DocumentKind.RecommendationLetter && d.Kind != DocumentKind.Certificate)).ToListAsync(ct);
        var kinds = DocumentCatalogService.PeriodKinds.Select(k => new DocumentKindRow(k, Slug(k), DocumentNumbering.Label(k),
            DocumentCatalogService.IsBatchKind(k), singles.FirstOrDefault(s => s.Kind == k),
            counts.Where(c => c.Kind == k).Sum(c => c.Count))).ToList();
        var blocked = period.State is PeriodState.Approved or PeriodState.Closed ? null : DocumentCatalogService.ResultsNotApproved;
        return new PeriodDocumentsPage(periodId, period.Name, PeriodWorkflow.Label(period.State), blocked, kinds, issued, page, pageCount, total);
    }

    /// <summary>
    /// The PDF of one document: the stored bytes when finalised, else a draft drawn now. For a batch kind without an
    /// agent: every letter or certificate of the period in one file, finalised ones with their own number and code.
    /// </summary>
    /// <param name="verificationBase">Where /verifikasi lives (App:PublicBaseUrl or the request's origin).</param>
    public async Task<DocumentFile?> FileAsync(DocumentSubject subject, string verificationBase, CancellationToken ct = default)
    {
        if (DocumentCatalogService.IsBatchKind(subject.Kind) && subject.AgentId is null)
        {
            return await BatchFileAsync(subject.Kind, subject.PeriodId!.Value, verificationBase, ct);
        }
        if (await finalisation.FindAsync(subject.Kind, DocumentCatalogService.SubjectKey(subject), ct) is { } issued)
        {
            return await finalisation.ContentAsync(issued.Id, ct) is { } stored ? new DocumentFile(stored, issued.FileName) : null;
        }
        var today = Today();
        if (await catalog.PrepareAsync(subject, today, ct) is not { } prepared) return null;
        return new DocumentFile(prepared.Render(DocumentStamp.Draft(today)), "konsep-" + prepared.FileName);
    }

    private async Task<DocumentFile?> BatchFileAsync(DocumentKind kind, int periodId, string verificationBase, CancellationToken ct)
    {
        var today = Today();
        if (await catalog.PrepareBatchAsync(kind, periodId, today, ct) is not { Count: > 0 } all) return null;
        var issued = await db.IssuedDocuments.AsNoTracking().Where(d => d.PeriodId == periodId && d.Kind == kind)
            .ToDictionaryAsync(d => d.SubjectKey, ct);
        DocumentStamp StampOf(PreparedDocument p) => issued.TryGetValue(p.SubjectKey, out var d)
            ? new DocumentStamp(d.Number, d.VerificationCode, DocumentFinalisationService.VerificationUrl(verificationBase, d.VerificationCode), d.IssuedOn, d.SignedElectronically)
            : DocumentStamp.Draft(today);
        var bytes = DocumentCatalogService.RenderTogether(all, StampOf, DocumentNumbering.Label(kind), all[0].Author, today);
        var name = DocumentCatalogService.FileName(new DocumentSubject(kind, periodId));
        return new DocumentFile(bytes, (issued.Count == all.Count ? "" : "konsep-") + name);
    }

    /// <summary>The stored bytes of every finalised document of a kind in a period, in one ZIP (exact bytes kept).</summary>
    public async Task<DocumentFile?> ArchiveAsync(DocumentKind kind, int periodId, CancellationToken ct = default)
    {
        var docs = await db.IssuedDocuments.AsNoTracking().Where(d => d.PeriodId == periodId && d.Kind == kind)
            .OrderBy(d => d.Sequence).Select(d => new { d.Id, d.FileName }).ToListAsync(ct);
        if (docs.Count == 0) return null;
        using var memory = new MemoryStream();
        using (var zip = new ZipArchive(memory, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var d in docs)
            {
                var bytes = await finalisation.ContentAsync(d.Id, ct) ?? [];
                var entry = zip.CreateEntry(d.FileName, CompressionLevel.Fastest);
                await using var stream = await entry.OpenAsync(ct);
                await stream.WriteAsync(bytes, ct);
            }
        }
        var name = Path.ChangeExtension(DocumentCatalogService.FileName(new DocumentSubject(kind, periodId)), ".zip");
        return new DocumentFile(memory.ToArray(), name, "application/zip");
    }

    /// <summary>Finalises one document, or every letter/certificate of the period when the subject has no agent.</summary>
    public async Task<FinaliseOutcome> FinaliseAsync(DocumentSubject subject, bool signedElectronically, string verificationBase, string? userId, CancellationToken ct = default)
    {
        var today = Today();
        IReadOnlyList<PreparedDocument> documents;
        if (DocumentCatalogService.IsBatchKind(subject.Kind) && subject.AgentId is null)
        {
            if (await catalog.PrepareBatchAsync(subject.Kind, subject.PeriodId!.Value, today, ct) is not { } all) return new(false, null, 0, 0, null);
            if (all.Count == 0) return new(true, "Tidak ada dokumen untuk difinalkan pada periode ini.", 0, 0, null);
            documents = all;
        }
        else
        {
            if (await catalog.PrepareAsync(subject, today, ct) is not { } one) return new(false, null, 0, 0, null);
            documents = [one];
        }
        if (documents[0].FinaliseBlockedReason is { } reason) return new(true, reason, 0, 0, null);
        int done = 0, already = 0;
        string? number = null;
        foreach (var document in documents)
        {
            var result = await finalisation.FinaliseAsync(document, today, signedElectronically, verificationBase, userId, ct);
            if (result.AlreadyFinalised) already++;
            else done++;
            number ??= result.Document.Number;
        }
        return new(true, null, done, already, number);
    }

    /// <summary>A stored document by id, with what the caller needs to decide who may read it.</summary>
    public Task<IssuedDocument?> IssuedAsync(long id, CancellationToken ct = default) =>
        db.IssuedDocuments.AsNoTracking().SingleOrDefaultAsync(d => d.Id == id, ct);

    public Task<byte[]?> ContentAsync(long id, CancellationToken ct = default) => finalisation.ContentAsync(id, ct);

    public Task<int?> AgentIdOfUserAsync(string userId, CancellationToken ct = default) =>
        db.Agents.AsNoTracking().Where(a => a.UserId == userId).Select(a => (int?)a.Id).SingleOrDefaultAsync(ct);

    private static IQueryable<IssuedDocumentRow> Rows(IQueryable<IssuedDocument> query) =>
        query.Select(d => new IssuedDocumentRow(d.Id, d.Kind, d.Number, d.Subject, d.IssuedOn, d.SignerName, d.SignedElectronically, d.VerificationCode));

    public static string Label(IssuedDocumentRow row) => DocumentNumbering.Label(row.Kind);

    public static string Count(int value) => value.ToString("N0", CultureInfo.CurrentCulture);
}
