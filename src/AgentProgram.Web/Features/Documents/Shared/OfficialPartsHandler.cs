using System.Globalization;
using AgentProgram.Web.Data;
using AgentProgram.Web.Domain.Employees;
using AgentProgram.Web.Domain.Organization;
using InstitutionRecord = AgentProgram.Web.Domain.Organization.Institution;
using AgentProgram.Web.Infrastructure.Pdf.Components;
using Microsoft.EntityFrameworkCore;

namespace AgentProgram.Web.Features.Documents.Shared;

/// <summary>
/// Builds the parts every official document shares: the kop surat from the institution record and the signature
/// block from the signatory recorded for a role (DOMAIN.md §9). One statement each.
/// </summary>
public sealed class OfficialPartsHandler(AppDbContext db)
{
    private static readonly CultureInfo Indonesian = CultureInfo.GetCultureInfo("id-ID");

    /// <summary>The letterhead; an empty one (name "") when the institution has not been recorded yet.</summary>
    public async Task<LetterheadModel> LetterheadAsync(CancellationToken ct = default)
    {
        var institution = await db.Institutions.AsNoTracking().OrderBy(i => i.Id).FirstOrDefaultAsync(ct);
        return Letterhead(institution);
    }

    /// <summary>
    /// The signature block of the official recorded for <paramref name="role"/>, dated <paramref name="date"/> at the
    /// institution's city ("Jakarta, 4 Desember 2026"); null when nobody is recorded for the role.
    /// </summary>
    public async Task<SignatureModel?> SignatureAsync(SignatoryRole role, DateOnly date, CancellationToken ct = default)
    {
        var row = await db.Signatories.AsNoTracking().Where(s => s.Role == role).OrderBy(s => s.Id)
            .Select(s => new { Signatory = s, City = db.Institutions.OrderBy(i => i.Id).Select(i => i.City).FirstOrDefault() })
            .FirstOrDefaultAsync(ct);
        return row is null ? null : Signature(row.Signatory, row.City, date);
    }

    /// <summary>Pure: the kop surat of <paramref name="institution"/>.</summary>
    public static LetterheadModel Letterhead(InstitutionRecord? institution)
    {
        if (institution is null) return new LetterheadModel("", [], null, null, null);
        var parentLines = (institution.LetterheadLines ?? "")
            .Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var address = Join(", ", institution.Address, institution.City);
        var contacts = Join(" | ",
            Labelled("Telp.", institution.Phone), Labelled("Email", institution.Email), Labelled("Laman", institution.Website));
        var logo = institution.Logo is { Length: > 0 } bytes ? bytes : null;
        return new LetterheadModel(institution.Name, parentLines, address, contacts, logo);
    }

    /// <summary>Pure: the signature block of <paramref name="signatory"/>.</summary>
    public static SignatureModel Signature(Signatory signatory, string? city, DateOnly date)
    {
        var placeAndDate = string.IsNullOrWhiteSpace(city) ? FormatDate(date) : $"{city.Trim()}, {FormatDate(date)}";
        string? rank = null;
        string? nip = null;
        if (!signatory.OmitRankAndNip)
        {
            rank = RankAndGrade(signatory.GolonganCode);
            nip = string.IsNullOrWhiteSpace(signatory.Nip) ? null : Nip.FormatForDisplay(signatory.Nip);
        }
        return new SignatureModel(placeAndDate, signatory.PositionTitle, signatory.Name, rank, nip);
    }

    /// <summary>"Pembina, IV/a" for PNS, "Golongan IX" for PPPK, the stored text when unreadable, null when none.</summary>
    public static string? RankAndGrade(string? golonganCode)
    {
        if (string.IsNullOrWhiteSpace(golonganCode)) return null;
        var g = Golongan.Parse(golonganCode);
        if (g is null) return golonganCode.Trim();
        return g.Pangkat is null ? $"Golongan {g.Name}" : $"{g.Pangkat}, {g.Name}";
    }

    /// <summary>"4 Desember 2026".</summary>
    public static string FormatDate(DateOnly date) => date.ToString("d MMMM yyyy", Indonesian);

    private static string? Labelled(string label, string? value) =>
        string.IsNullOrWhiteSpace(value) ? null : $"{label} {value.Trim()}";

    private static string? Join(string separator, params string?[] parts)
    {
        var present = parts.Where(p => !string.IsNullOrWhiteSpace(p)).Select(p => p!.Trim()).ToList();
        return present.Count == 0 ? null : string.Join(separator, present);
    }
}
