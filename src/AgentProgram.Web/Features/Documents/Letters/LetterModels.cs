using AgentProgram.Web.Domain.Employees;
using AgentProgram.Web.Domain.Rewards;
using AgentProgram.Web.Infrastructure.Pdf.Components;

namespace AgentProgram.Web.Features.Documents.Letters;

/// <summary>
/// Surat Rekomendasi for one agent of a period (DOMAIN.md §9), from the head of Humas. Read top to bottom:
/// <see cref="Title"/>, (number from the stamp), <see cref="Addressee"/> lines, <see cref="Opening"/> +
/// <see cref="Signer"/> fields, <see cref="Recommends"/> + <see cref="Recommended"/> fields, <see cref="Body"/>
/// paragraphs, signature, <see cref="CarbonCopies"/> ("Tembusan:" list, may be empty). A recommendation for
/// consideration: no text says "ditetapkan" or "diberikan".
/// </summary>
/// <param name="Recommendations">The recommendation outcomes this letter covers (promotion never for PPPK).</param>
/// <param name="Subject">For the verification page: name, period and kinds; never the NIP.</param>
public sealed record RecommendationLetterModel(
    DateOnly IssuedOn,
    int PeriodId,
    string PeriodName,
    DateOnly PeriodStart,
    DateOnly PeriodEnd,
    LetterheadModel Letterhead,
    SignatureModel? Signature,
    string Title,
    IReadOnlyList<string> Addressee,
    string Opening,
    IReadOnlyList<LetterField> Signer,
    string Recommends,
    IReadOnlyList<LetterField> Recommended,
    IReadOnlyList<string> Body,
    IReadOnlyList<string> CarbonCopies,
    int AgentId,
    EmploymentType EmploymentType,
    RewardOutcomes Recommendations,
    string Subject,
    string SubjectKey)
{
    /// <summary>Every text the page shows (for wording checks).</summary>
    public IEnumerable<string> Texts() =>
        new[] { Title, Opening, Recommends, Subject }
            .Concat(Addressee).Concat(Body).Concat(CarbonCopies)
            .Concat(Signer.SelectMany(f => new[] { f.Label, f.Value ?? "" }))
            .Concat(Recommended.SelectMany(f => new[] { f.Label, f.Value ?? "" }));
}

/// <summary>
/// Nota Dinas from the head of Humas to the head of HR listing every recommendation of a period. Read top to bottom:
/// <see cref="Title"/> centred, <see cref="Fields"/> (Yth., Dari, Tembusan, Tanggal, Nomor — null, from the stamp —,
/// Sifat, Lampiran, Hal; a value may hold several lines separated by '\n'), <see cref="BodyBeforeTable"/>, the table
/// (<see cref="Rows"/>, columns <see cref="Columns"/>), <see cref="BodyAfterTable"/>, signature (no stamp).
/// </summary>
public sealed record NotaDinasModel(
    DateOnly IssuedOn,
    int PeriodId,
    string PeriodName,
    DateOnly PeriodStart,
    DateOnly PeriodEnd,
    bool IsFinal,
    LetterheadModel Letterhead,
    SignatureModel? Signature,
    string Title,
    IReadOnlyList<LetterField> Fields,
    IReadOnlyList<string> BodyBeforeTable,
    IReadOnlyList<string> Columns,
    IReadOnlyList<RecommendationRow> Rows,
    IReadOnlyList<string> BodyAfterTable,
    string Subject,
    string SubjectKey)
{
    /// <summary>Every text the page shows (for wording checks).</summary>
    public IEnumerable<string> Texts() =>
        new[] { Title, Subject }
            .Concat(Fields.SelectMany(f => new[] { f.Label, f.Value ?? "" }))
            .Concat(BodyBeforeTable).Concat(Columns).Concat(BodyAfterTable)
            .Concat(Rows.SelectMany(r => new[] { r.Name, r.Nip, r.Grade, r.Position, r.Unit, r.Kinds }));
}

/// <summary>One row of the Nota Dinas table, in rank order. <see cref="Kinds"/>: "Kenaikan pangkat/jabatan dan izin belajar".</summary>
public sealed record RecommendationRow(
    int Number,
    int AgentId,
    string Name,
    string Nip,
    string Grade,
    string Position,
    string Unit,
    EmploymentType EmploymentType,
    RewardOutcomes Recommendations,
    string Kinds);
