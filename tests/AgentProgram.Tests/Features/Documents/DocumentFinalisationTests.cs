using System.Security.Cryptography;
using System.Text;
using AgentProgram.Tests.Infrastructure;
using AgentProgram.Web.Data;
using AgentProgram.Web.Domain.Documents;
using AgentProgram.Web.Features.Documents;
using AgentProgram.Web.Infrastructure.Pdf.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AgentProgram.Tests.Features.Documents;

/// <summary>
/// Numbering and storage of finalised documents, with a stand-in drawing that writes the stamp as text (the
/// documents' own tests check the PDFs): numbers only on finalisation, never twice, bytes stored once.
/// </summary>
public sealed class DocumentFinalisationTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static readonly DateOnly Day = new(2026, 11, 24);

    private static PreparedDocument Letter(string subjectKey, Action? whileDrawing = null) => new(
        DocumentKind.RecommendationLetter, subjectKey, "Surat rekomendasi uji " + subjectKey, "surat.pdf",
        new SignatureModel("Kota Uji, 24 November 2026", "Kepala Bagian Humas", "Dra. Sri Wahyuni", null, null), 1, null, null,
        stamp =>
        {
            whileDrawing?.Invoke();
            return Encoding.UTF8.GetBytes($"{(stamp.IsDraft ? "KONSEP" : "FINAL")}|{stamp.Number}|{stamp.VerificationCode}|{stamp.VerificationUrl}|{stamp.SignedElectronically}");
        });

    private async Task<FinalisedDocument> FinaliseAsync(PreparedDocument doc, bool signed = false)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var service = scope.ServiceProvider.GetRequiredService<DocumentFinalisationService>();
        return await service.FinaliseAsync(doc, Day, signed, "https://agen.example.go.id/", "user-1");
    }

    [Fact]
    public async Task Finalising_reserves_the_next_number_and_stores_the_bytes_with_their_hash()
    {
        var key = "test:" + Guid.NewGuid().ToString("N");
        var first = await FinaliseAsync(Letter(key), signed: true);
        Assert.False(first.AlreadyFinalised);
        var d = first.Document;
        Assert.Matches(@"^B-\d+/KP\.07/11/2026$", d.Number);
        Assert.Equal(DocumentNumbering.CodeLength, d.VerificationCode.Length);
        Assert.Equal("Dra. Sri Wahyuni", d.SignerName);
        Assert.True(d.SignedElectronically);

        var stored = await app.WithDb(db => db.IssuedDocumentContents.AsNoTracking().SingleAsync(c => c.DocumentId == d.Id));
        var text = Encoding.UTF8.GetString(stored.Bytes);
        Assert.Equal($"FINAL|{d.Number}|{d.VerificationCode}|https://agen.example.go.id/verifikasi/{d.VerificationCode}|True", text);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(stored.Bytes)), d.Sha256);
        Assert.Equal(stored.Bytes.LongLength, d.Length);

        var audited = await app.WithDb(db => db.AuditEntries.AnyAsync(a => a.Action == DocumentFinalisationService.AuditAction && a.EntityKey == d.Id.ToString()));
        Assert.True(audited);
    }

    [Fact]
    public async Task A_subject_is_finalised_once_and_later_calls_return_the_same_bytes()
    {
        var key = "test:" + Guid.NewGuid().ToString("N");
        var first = await FinaliseAsync(Letter(key));
        var before = await app.WithDb(db => db.IssuedDocumentContents.AsNoTracking().Where(c => c.DocumentId == first.Document.Id).Select(c => c.Bytes).SingleAsync());
        var counter = await app.WithDb(db => db.DocumentCounters.AsNoTracking().SingleAsync(c => c.Kind == DocumentKind.RecommendationLetter && c.Year == 2026));

        var again = await FinaliseAsync(Letter(key));
        Assert.True(again.AlreadyFinalised);
        Assert.Equal(first.Document.Id, again.Document.Id);
        Assert.Equal(first.Document.Number, again.Document.Number);

        await using var scope = app.Services.CreateAsyncScope();
        var bytes = await scope.ServiceProvider.GetRequiredService<DocumentFinalisationService>().ContentAsync(first.Document.Id);
        Assert.Equal(before, bytes);
        var after = await app.WithDb(db => db.DocumentCounters.AsNoTracking().SingleAsync(c => c.Kind == DocumentKind.RecommendationLetter && c.Year == 2026));
        Assert.Equal(counter.LastSequence, after.LastSequence);
    }

    [Fact]
    public async Task Concurrent_finalisations_never_share_a_number()
    {
        var prefix = "race:" + Guid.NewGuid().ToString("N")[..8] + ":";
        var docs = Enumerable.Range(0, 24).Select(i => Letter(prefix + i, () => Thread.Sleep(2))).ToList();
        var results = await Task.WhenAll(docs.Select(d => Task.Run(() => FinaliseAsync(d))));

        Assert.All(results, r => Assert.False(r.AlreadyFinalised));
        var numbers = results.Select(r => r.Document.Sequence).ToList();
        Assert.Equal(numbers.Count, numbers.Distinct().Count());
        var stored = await app.WithDb(db => db.IssuedDocuments.AsNoTracking()
            .Where(d => d.Kind == DocumentKind.RecommendationLetter && d.Year == 2026).Select(d => d.Sequence).ToListAsync());
        var counter = await app.WithDb(db => db.DocumentCounters.AsNoTracking().SingleAsync(c => c.Kind == DocumentKind.RecommendationLetter && c.Year == 2026));
        // No gap and no repeat across everything this class finalised: 1..N, and the counter sits at N.
        Assert.Equal(Enumerable.Range(1, stored.Count), stored.Order());
        Assert.Equal(stored.Count, counter.LastSequence);
    }

    [Fact]
    public async Task The_same_subject_pressed_twice_at_once_gives_one_document()
    {
        var key = "twice:" + Guid.NewGuid().ToString("N");
        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => FinaliseAsync(Letter(key, () => Thread.Sleep(20))))));
        Assert.Single(results.Select(r => r.Document.Id).Distinct());
        Assert.Single(results, r => !r.AlreadyFinalised);
        Assert.Equal(1, await app.WithDb(db => db.IssuedDocuments.CountAsync(d => d.SubjectKey == key)));
    }

    [Fact]
    public async Task A_failed_drawing_leaves_no_number_and_no_document()
    {
        var before = await app.WithDb(db => db.DocumentCounters.AsNoTracking().Where(c => c.Kind == DocumentKind.Certificate).Select(c => c.LastSequence).SingleOrDefaultAsync());
        var key = "broken:" + Guid.NewGuid().ToString("N");
        var broken = new PreparedDocument(DocumentKind.Certificate, key, "Piagam uji", "piagam.pdf", null, null, null, null,
            _ => throw new InvalidOperationException("drawing failed"));
        await Assert.ThrowsAsync<InvalidOperationException>(() => FinaliseAsync(broken));

        var after = await app.WithDb(db => db.DocumentCounters.AsNoTracking().Where(c => c.Kind == DocumentKind.Certificate).Select(c => c.LastSequence).SingleOrDefaultAsync());
        Assert.Equal(before, after);
        Assert.False(await app.WithDb(db => db.IssuedDocuments.AnyAsync(d => d.SubjectKey == key)));
    }

    [Fact]
    public async Task The_administrators_pattern_is_used()
    {
        await app.WithDb(async db =>
        {
            if (!await db.DocumentNumberFormats.AnyAsync(f => f.Kind == DocumentKind.Decree))
                db.DocumentNumberFormats.Add(new DocumentNumberFormat { Kind = DocumentKind.Decree, Pattern = "800.1.6.2/{seq}/BKPSDM-{year}" });
            return await db.SaveChangesAsync();
        });
        var doc = new PreparedDocument(DocumentKind.Decree, "decree:" + Guid.NewGuid().ToString("N"), "SK uji", "sk.pdf", null, 1, null, null,
            s => Encoding.UTF8.GetBytes(s.Number ?? ""));
        var result = await FinaliseAsync(doc);
        Assert.Matches(@"^800\.1\.6\.2/\d+/BKPSDM-2026$", result.Document.Number);
    }
}
