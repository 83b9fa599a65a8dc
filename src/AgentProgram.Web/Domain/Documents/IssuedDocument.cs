using AgentProgram.Web.Domain.Audit;

namespace AgentProgram.Web.Domain.Documents;

/// <summary>The PDF documents the programme produces (issue 7). The numbers are stored: never renumber.</summary>
public enum DocumentKind
{
    /// <summary>Ringkasan Pimpinan: a period summary for leadership.</summary>
    Summary = 1,

    /// <summary>Lampiran penerima: who receives what in a period.</summary>
    Appendix = 2,

    /// <summary>Surat Rekomendasi for one agent.</summary>
    RecommendationLetter = 3,

    /// <summary>Nota Dinas from the head of Humas to the head of HR listing a period's recommendations.</summary>
    RecommendationMemo = 4,

    /// <summary>Piagam Penghargaan for one recognised agent.</summary>
    Certificate = 5,

    /// <summary>SK Penetapan Agen Komunikasi (a draft decree listing the enrolled agents).</summary>
    Decree = 6,

    /// <summary>Laporan Kinerja Agen: one agent's statement for a period.</summary>
    AgentStatement = 7,

    /// <summary>Laporan Pesan: one message's campaign report.</summary>
    MessageReport = 8,
}

/// <summary>
/// A finalised document: its number (reserved from the yearly counter of its kind at finalisation, never twice),
/// the short code of its public verification page, and the SHA-256 of the bytes stored once in
/// <see cref="IssuedDocumentContent"/>. Never updated or deleted: later downloads return exactly those bytes.
/// </summary>
public class IssuedDocument
{
    public long Id { get; set; }
    public DocumentKind Kind { get; set; }

    /// <summary>What the document is about, as a key ("period:12", "period:12:agent:345", "message:7"): one finalised document per kind and subject.</summary>
    public string SubjectKey { get; set; } = "";

    /// <summary>Shown on the verification page: never a NIP.</summary>
    public string Subject { get; set; } = "";
    public string Number { get; set; } = "";
    public int Year { get; set; }
    public int Sequence { get; set; }
    public string VerificationCode { get; set; } = "";
    public DateOnly IssuedOn { get; set; }
    public string? SignerName { get; set; }
    public string? SignerTitle { get; set; }

    /// <summary>Recorded at finalisation: the document carries the BSrE footer only then (no signing integration yet).</summary>
    public bool SignedElectronically { get; set; }
    public DateTime FinalisedUtc { get; set; }
    public string? FinalisedByUserId { get; set; }
    public string Sha256 { get; set; } = "";
    public long Length { get; set; }
    public string FileName { get; set; } = "";
    public int? PeriodId { get; set; }
    public int? AgentId { get; set; }
    public int? MessageId { get; set; }
}

/// <summary>The stored bytes of a finalised document, apart so lists never load them.</summary>
public class IssuedDocumentContent
{
    public long DocumentId { get; set; }
    public byte[] Bytes { get; set; } = [];
}

/// <summary>The last number given for a kind in a year; moved only inside a finalisation's transaction.</summary>
public class DocumentCounter
{
    public DocumentKind Kind { get; set; }
    public int Year { get; set; }
    public int LastSequence { get; set; }
}

/// <summary>The numbering pattern of a kind, e.g. <c>B-{seq}/HM.01/{month}/{year}</c>, set by the administrator.</summary>
public class DocumentNumberFormat : IAudited, IVersioned
{
    public DocumentKind Kind { get; set; }
    public string Pattern { get; set; } = "";
    public int Version { get; set; }
}
