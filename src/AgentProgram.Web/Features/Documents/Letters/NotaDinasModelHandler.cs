using System.Globalization;
using AgentProgram.Web.Data;
using AgentProgram.Web.Domain.Employees;
using AgentProgram.Web.Domain.Organization;
using AgentProgram.Web.Domain.Rewards;
using AgentProgram.Web.Features.Documents.Shared;

namespace AgentProgram.Web.Features.Documents.Letters;

/// <summary>
/// Builds the Nota Dinas from the head of Humas to the head of HR listing every recommendation of a period's current
/// run (promotion, study, development), by rank.
/// </summary>
public sealed class NotaDinasModelHandler(AppDbContext db, OfficialPartsHandler parts)
{
    private static readonly CultureInfo Indonesian = CultureInfo.GetCultureInfo("id-ID");

    public async Task<NotaDinasModel?> BuildAsync(int periodId, DateOnly issuedOn, CancellationToken ct = default)
    {
        var info = await PeriodRunInfo.LoadAsync(db, periodId, ct);
        if (info is null) return null;
        var agents = await RunAgents.LoadAsync(db, info.RunId, DocumentTexts.RecommendationOutcomes, null, ct);
        var studyKind = DocumentTexts.StudyKindOf(info.RulesJson);

        var letterhead = await parts.LetterheadAsync(ct);
        var signature = await parts.SignatureAsync(SignatoryRole.HeadOfPublicRelations, issuedOn, ct);
        var hr = await parts.SignatureAsync(SignatoryRole.HeadOfHumanResources, issuedOn, ct);
        var head = await parts.SignatureAsync(SignatoryRole.HeadOfInstitution, issuedOn, ct);

        var rows = new List<RecommendationRow>(agents.Count);
        foreach (var a in agents)
        {
            var kinds = DocumentTexts.JoinAnd(DocumentTexts.RecommendationPhrases(a.Outcomes, studyKind));
            rows.Add(new RecommendationRow(
                rows.Count + 1, a.AgentId, a.Name, Nip.FormatForDisplay(a.Nip), DocumentTexts.GradeName(a.GolonganCode),
                DocumentTexts.Text(a.PositionName), a.UnitName ?? DocumentTexts.NoUnit, a.EmploymentType,
                a.Outcomes & DocumentTexts.RecommendationOutcomes, Capitalise(kinds)));
        }

        var isFinal = info.RunApprovedUtc is not null;
        var status = isFinal ? LetterWording.StatusApproved : LetterWording.StatusProvisional;
        var dates = DocumentTexts.PeriodDates(info.Start, info.End);
        var institution = letterhead.InstitutionName;
        IReadOnlyList<LetterField> fields =
        [
            new(LetterWording.FieldTo, Title(hr, LetterWording.HumanResourcesFallback)),
            new(LetterWording.FieldFrom, Title(signature, DocumentTexts.Placeholder)),
            new(LetterWording.FieldCopies, string.IsNullOrWhiteSpace(head?.PositionTitle) ? DocumentTexts.Blank : head.PositionTitle),
            new(LetterWording.FieldDate, DocumentTexts.Date(issuedOn)),
            new(LetterWording.FieldNumber, null),
            new(LetterWording.FieldNature, LetterWording.NatureOrdinary),
            new(LetterWording.FieldAttachment, LetterWording.NoAttachment),
            new(LetterWording.FieldSubject, F(LetterWording.NotaHal, info.PeriodName)),
        ];
        IReadOnlyList<string> before = rows.Count == 0
            ? [F(LetterWording.NotaIntroNone, institution, info.PeriodName, dates, status)]
            : [F(LetterWording.NotaIntro, institution, info.PeriodName, dates, status, DocumentTexts.Count(rows.Count))];
        IReadOnlyList<string> after = rows.Count == 0
            ? [LetterWording.NotaClosing]
            : [LetterWording.NotaConsideration, LetterWording.NotaClosing];

        return new NotaDinasModel(
            issuedOn, info.PeriodId, info.PeriodName, info.Start, info.End, isFinal, letterhead, signature,
            LetterWording.NotaTitle, fields, before, LetterWording.NotaColumns, rows, after,
            F(LetterWording.NotaSubject, info.PeriodName), SubjectKeys.NotaDinas(info.PeriodId));
    }

    private static string Title(Infrastructure.Pdf.Components.SignatureModel? s, string fallback) =>
        string.IsNullOrWhiteSpace(s?.PositionTitle) ? fallback : s.PositionTitle;

    private static string Capitalise(string s) => s.Length == 0 ? s : char.ToUpper(s[0], Indonesian) + s[1..];

    private static string F(string format, params object[] args) => string.Format(Indonesian, format, args);
}
