using System.Globalization;
using AgentProgram.Web.Data;
using AgentProgram.Web.Domain.Documents;
using AgentProgram.Web.Domain.Messages;
using AgentProgram.Web.Domain.Rewards;
using AgentProgram.Web.Features.Documents.AgentStatement;
using AgentProgram.Web.Features.Documents.Appendix;
using AgentProgram.Web.Features.Documents.Certificates;
using AgentProgram.Web.Features.Documents.Decree;
using AgentProgram.Web.Features.Documents.Letters;
using AgentProgram.Web.Features.Documents.MessageReport;
using AgentProgram.Web.Features.Documents.Summary;
using AgentProgram.Web.Infrastructure.Pdf;
using AgentProgram.Web.Infrastructure.Pdf.Components;
using Microsoft.EntityFrameworkCore;

namespace AgentProgram.Web.Features.Documents;

/// <summary>What a document is about: a kind with its period, agent or message.</summary>
public sealed record DocumentSubject(DocumentKind Kind, int? PeriodId = null, int? AgentId = null, int? MessageId = null);

/// <summary>
/// Turns a document kind and its subject into a <see cref="PreparedDocument"/>: builds the model with its handler
/// and pairs it with the document class that draws it. The one place that knows which model, which drawing, which
/// subject key and when a document may be finalised (reward documents only once the period's results are approved;
/// a message report once the message's active window has ended).
/// </summary>
public sealed class DocumentCatalogService(
    AppDbContext db,
    TimeProvider clock,
    SummaryModelHandler summaries,
    AppendixModelHandler appendices,
    RecommendationLetterModelHandler letters,
    NotaDinasModelHandler memos,
    CertificateModelHandler certificates,
    DecreeModelHandler decrees,
    AgentStatementModelHandler statements,
    MessageReportModelHandler messages)
{
    public const string ResultsNotApproved = "Hasil periode belum disetujui Pimpinan; dokumen ini baru dapat difinalkan setelah disetujui.";
    public const string MessageStillActive = "Pesan masih dalam masa aktif; laporan pesan baru dapat difinalkan setelah masa aktif berakhir.";

    /// <summary>Kinds issued one per agent of a period, finalised and downloaded as a batch.</summary>
    public static bool IsBatchKind(DocumentKind kind) => kind is DocumentKind.RecommendationLetter or DocumentKind.Certificate;

    /// <summary>Kinds that belong to a period's page (every kind but the message report and the agent statement).</summary>
    public static readonly DocumentKind[] PeriodKinds =
    [
        DocumentKind.Summary, DocumentKind.Appendix, DocumentKind.RecommendationMemo, DocumentKind.RecommendationLetter,
        DocumentKind.Certificate, DocumentKind.Decree,
    ];

    public static string SubjectKey(DocumentSubject s) => s.Kind switch
    {
        DocumentKind.Summary => Key("summary:period:{0}", s.PeriodId),
        DocumentKind.Appendix => SubjectKeys.Appendix(Required(s.PeriodId)),
        DocumentKind.RecommendationMemo => SubjectKeys.NotaDinas(Required(s.PeriodId)),
        DocumentKind.Decree => SubjectKeys.Decree(Required(s.PeriodId)),
        DocumentKind.RecommendationLetter => SubjectKeys.Recommendation(Required(s.PeriodId), Required(s.AgentId)),
        DocumentKind.Certificate => SubjectKeys.Certificate(Required(s.PeriodId), Required(s.AgentId)),
        DocumentKind.AgentStatement => Key("agent-statement:period:{0}:agent:{1}", s.PeriodId, s.AgentId),
        DocumentKind.MessageReport => Key("message:{0}", s.MessageId),
        _ => throw new ArgumentOutOfRangeException(nameof(s)),
    };

    /// <summary>One document; null when its subject does not exist or has nothing to print (no run, no recommendation).</summary>
    public async Task<PreparedDocument?> PrepareAsync(DocumentSubject subject, DateOnly issuedOn, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(subject);
        switch (subject.Kind)
        {
            case DocumentKind.Summary:
            {
                var periodId = Required(subject.PeriodId);
                if (await summaries.BuildAsync(periodId, issuedOn, ct) is not { } m) return null;
                return Prepared(subject, $"Ringkasan Pimpinan periode {m.Period.Name}", m.Signature, m.Letterhead, m.Title,
                    s => SummaryDocument.Render(m, s), (d, s) => SummaryDocument.Compose(d, m, s), await PeriodBlockAsync(periodId, ct));
            }
            case DocumentKind.Appendix:
            {
                var periodId = Required(subject.PeriodId);
                if (await appendices.BuildAsync(periodId, issuedOn, ct) is not { } m) return null;
                return Prepared(subject, m.Subject, m.Signature, m.Letterhead, m.Title,
                    s => AppendixDocument.Render(m, s), (d, s) => AppendixDocument.Compose(d, m, s), await PeriodBlockAsync(periodId, ct));
            }
            case DocumentKind.RecommendationMemo:
            {
                var periodId = Required(subject.PeriodId);
                if (await memos.BuildAsync(periodId, issuedOn, ct) is not { } m) return null;
                return Prepared(subject, m.Subject, m.Signature, m.Letterhead, m.Title,
                    s => NotaDinasDocument.Render(m, s), (d, s) => NotaDinasDocument.Compose(d, m, s), await PeriodBlockAsync(periodId, ct));
            }
            case DocumentKind.Decree:
            {
                var periodId = Required(subject.PeriodId);
                if (await decrees.BuildAsync(periodId, issuedOn, ct) is not { } m) return null;
                // The decree appoints the agents enrolled at the period's end: it needs no approved results.
                return Prepared(subject, m.Subject, m.Signature, m.Letterhead, m.Heading,
                    s => DecreeDocument.Render(m, s), (d, s) => DecreeDocument.Compose(d, m, s), null);
            }
            case DocumentKind.RecommendationLetter:
            {
                var (periodId, agentId) = (Required(subject.PeriodId), Required(subject.AgentId));
                if (await letters.BuildOneAsync(periodId, agentId, issuedOn, ct) is not { } m) return null;
                return Letter(m, await PeriodBlockAsync(periodId, ct));
            }
            case DocumentKind.Certificate:
            {
                var (periodId, agentId) = (Required(subject.PeriodId), Required(subject.AgentId));
                if (await certificates.BuildOneAsync(periodId, agentId, issuedOn, ct) is not { } m) return null;
                return Certificate(m, await PeriodBlockAsync(periodId, ct));
            }
            case DocumentKind.AgentStatement:
            {
                var (periodId, agentId) = (Required(subject.PeriodId), Required(subject.AgentId));
                // The printed statement names conduct records generically (it may be printed and passed on);
                // the exact reasons stay on Kepegawaian's page.
                if (await statements.BuildAsync(periodId, agentId, issuedOn, withholdConduct: true, ct) is not { } m) return null;
                return Prepared(subject, $"Laporan Kinerja Agen {m.Agent.Name}, periode {m.Period.Name}", m.Signature, m.Letterhead, m.Title,
                    s => AgentStatementDocument.Render(m, s), (d, s) => AgentStatementDocument.Compose(d, m, s), await PeriodBlockAsync(periodId, ct));
            }
            case DocumentKind.MessageReport:
            {
                var messageId = Required(subject.MessageId);
                if (await messages.BuildAsync(messageId, issuedOn, ct) is not { } m) return null;
                var now = clock.GetUtcNow().UtcDateTime;
                var block = m.Message.ActiveUntilUtc > now && m.Message.Status == MessageStatus.Published ? MessageStillActive : null;
                return Prepared(subject, $"Laporan Pesan: {m.Message.Title}", m.Signature, m.Letterhead, m.Title,
                    s => MessageReportDocument.Render(m, s), (d, s) => MessageReportDocument.Compose(d, m, s), block);
            }
            default:
                throw new ArgumentOutOfRangeException(nameof(subject));
        }
    }

    /// <summary>Every letter or certificate of a period, by rank; null when the period or its run does not exist.</summary>
    public async Task<IReadOnlyList<PreparedDocument>?> PrepareBatchAsync(DocumentKind kind, int periodId, DateOnly issuedOn, CancellationToken ct = default)
    {
        var block = await PeriodBlockAsync(periodId, ct);
        switch (kind)
        {
            case DocumentKind.RecommendationLetter:
                return await letters.BuildAllAsync(periodId, issuedOn, ct) is { } all ? [.. all.Select(m => Letter(m, block))] : null;
            case DocumentKind.Certificate:
                return await certificates.BuildAllAsync(periodId, issuedOn, ct) is { } all2 ? [.. all2.Select(m => Certificate(m, block))] : null;
            default:
                throw new ArgumentOutOfRangeException(nameof(kind), "Only letters and certificates come in batches.");
        }
    }

    /// <summary>Several documents in one file, each numbering its own pages, each with its own stamp.</summary>
    public static byte[] RenderTogether(IReadOnlyList<PreparedDocument> documents, Func<PreparedDocument, DocumentStamp> stampOf,
        string title, string author, DateOnly issuedOn)
    {
        ArgumentNullException.ThrowIfNull(documents);
        ArgumentNullException.ThrowIfNull(stampOf);
        var pdf = PdfDocument.Create(d =>
        {
            d.Metadata(title, author, title, issuedOn.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc));
            foreach (var document in documents)
            {
                var compose = document.Compose ?? throw new InvalidOperationException($"{document.Kind} cannot be drawn with others.");
                compose(d, stampOf(document));
            }
        });
        return pdf.GeneratePdf();
    }

    /// <summary>The reason a reward document of the period may not be finalised yet, or null.</summary>
    private async Task<string?> PeriodBlockAsync(int periodId, CancellationToken ct)
    {
        var state = await db.RewardPeriods.AsNoTracking().Where(p => p.Id == periodId).Select(p => (PeriodState?)p.State).SingleOrDefaultAsync(ct);
        return state is PeriodState.Approved or PeriodState.Closed ? null : ResultsNotApproved;
    }

    private static PreparedDocument Letter(RecommendationLetterModel m, string? block) =>
        Prepared(new DocumentSubject(DocumentKind.RecommendationLetter, m.PeriodId, m.AgentId), m.Subject, m.Signature, m.Letterhead, m.Title,
            s => RecommendationLetterDocument.Render(m, s), (d, s) => RecommendationLetterDocument.Compose(d, m, s), block);

    private static PreparedDocument Certificate(CertificateModel m, string? block) =>
        Prepared(new DocumentSubject(DocumentKind.Certificate, m.PeriodId, m.AgentId), m.Subject, m.Signature, m.Letterhead, m.Title,
            s => CertificateDocument.Render(m, s), (d, s) => CertificateDocument.Compose(d, m, s), block);

    private static PreparedDocument Prepared(DocumentSubject subject, string description, SignatureModel? signer, LetterheadModel letterhead,
        string title, Func<DocumentStamp, byte[]> render, Action<DocumentDescriptor, DocumentStamp> compose, string? block) =>
        new(subject.Kind, SubjectKey(subject), description, FileName(subject), signer, subject.PeriodId, subject.AgentId, subject.MessageId, render)
        {
            Compose = compose,
            FinaliseBlockedReason = block,
            Title = title,
            Author = letterhead.InstitutionName,
        };

    /// <summary>"ringkasan-pimpinan-periode-12.pdf": ids only, never a name or NIP.</summary>
    public static string FileName(DocumentSubject s)
    {
        var slug = DocumentNumbering.Label(s.Kind).ToLowerInvariant().Replace(' ', '-');
        var parts = new List<string> { slug };
        if (s.PeriodId is { } p) parts.Add("periode-" + p.ToString(CultureInfo.InvariantCulture));
        if (s.AgentId is { } a) parts.Add("agen-" + a.ToString(CultureInfo.InvariantCulture));
        if (s.MessageId is { } m) parts.Add("pesan-" + m.ToString(CultureInfo.InvariantCulture));
        return string.Join('-', parts) + ".pdf";
    }

    private static int Required(int? id) => id ?? throw new ArgumentException("The document's subject is incomplete.");

    private static string Key(string format, params int?[] ids) =>
        string.Format(CultureInfo.InvariantCulture, format, ids.Select(i => (object)Required(i)).ToArray());
}
