using AgentProgram.Web.Infrastructure.Pdf.Components;

namespace AgentProgram.Web.Features.Documents.Decree;

/// <summary>
/// Draft SK Penetapan Agen Komunikasi for a period (DOMAIN.md §9, modelled on agen perubahan, PermenPANRB 27/2014),
/// signed by the head of the institution. Read top to bottom: <see cref="Heading"/> ("KEPUTUSAN WALI KOTA CONTOH"),
/// "NOMOR " + the stamp's number, "TENTANG", <see cref="Topic"/>, <see cref="Blessing"/>, <see cref="Authority"/>,
/// "Menimbang" + <see cref="Considering"/>, "Mengingat" + <see cref="Recalling"/>, <see cref="Decides"/> centred,
/// "Menetapkan" : <see cref="Enacting"/>, <see cref="Articles"/> (KESATU …), "Ditetapkan di" <see cref="EnactedAt"/>
/// "pada tanggal" <see cref="EnactedOn"/>, signature; then the lampiran page: <see cref="AppendixHeading"/> lines and
/// the table <see cref="AppendixColumns"/> / <see cref="Agents"/>.
/// </summary>
/// <param name="Subject">For the verification page (no personal data).</param>
public sealed record DecreeModel(
    DateOnly IssuedOn,
    int PeriodId,
    string PeriodName,
    DateOnly PeriodStart,
    DateOnly PeriodEnd,
    LetterheadModel Letterhead,
    SignatureModel? Signature,
    string Heading,
    string NumberLabel,
    string AboutLabel,
    string Topic,
    string Blessing,
    string Authority,
    string ConsideringLabel,
    IReadOnlyList<DecreeClause> Considering,
    string RecallingLabel,
    IReadOnlyList<DecreeClause> Recalling,
    string Decides,
    string EnactingLabel,
    string Enacting,
    IReadOnlyList<DecreeClause> Articles,
    string EnactedAt,
    string EnactedOn,
    IReadOnlyList<string> AppendixHeading,
    IReadOnlyList<string> AppendixColumns,
    IReadOnlyList<DecreeAgentRow> Agents,
    string Subject,
    string SubjectKey)
{
    /// <summary>Every text the page shows (for wording checks).</summary>
    public IEnumerable<string> Texts() =>
        new[] { Heading, NumberLabel, AboutLabel, Topic, Blessing, Authority, ConsideringLabel, RecallingLabel, Decides, EnactingLabel, Enacting, EnactedAt, EnactedOn, Subject }
            .Concat(Considering.Concat(Recalling).Concat(Articles).SelectMany(c => new[] { c.Marker, c.Text }.Concat(c.Items)))
            .Concat(AppendixHeading).Concat(AppendixColumns)
            .Concat(Agents.SelectMany(a => new[] { a.Name, a.Nip, a.Grade, a.Position, a.Unit }));
}

/// <summary>A lettered or numbered clause ("a.", "1.", "KESATU") with optional sub-items ("a. …", already lettered).</summary>
public sealed record DecreeClause(string Marker, string Text, IReadOnlyList<string> Items);

/// <summary>One agent of the lampiran, ordered by unit then name.</summary>
public sealed record DecreeAgentRow(int Number, int AgentId, string Name, string Nip, string Grade, string Position, string Unit);
