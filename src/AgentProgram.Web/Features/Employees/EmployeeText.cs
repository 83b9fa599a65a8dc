using System.Globalization;
using AgentProgram.Web.Domain.Employees;

namespace AgentProgram.Web.Features.Employees;

/// <summary>
/// The employee values as the URL, the forms and the pages spell them. The query-string slugs
/// are Indonesian and stable, so a bookmarked filter keeps working.
/// </summary>
public static class EmployeeText
{
    public static readonly IReadOnlyList<(EmploymentType Type, string Slug)> TypeSlugs =
    [
        (EmploymentType.Pns, "pns"),
        (EmploymentType.Cpns, "cpns"),
        (EmploymentType.Pppk, "pppk"),
        (EmploymentType.PppkParuhWaktu, "pppk-paruh-waktu"),
    ];

    public static readonly IReadOnlyList<(LegalStatus Status, string Slug)> StatusSlugs =
    [
        (LegalStatus.Aktif, "aktif"),
        (LegalStatus.Cltn, "cltn"),
        (LegalStatus.TugasBelajar, "tugas-belajar"),
        (LegalStatus.PemberhentianSementara, "pemberhentian-sementara"),
        (LegalStatus.MasaPersiapanPensiun, "mpp"),
        (LegalStatus.Other, "lain"),
    ];

    public static readonly IReadOnlyList<PositionType> PositionKinds =
        [PositionType.JptUtama, PositionType.JptMadya, PositionType.JptPratama, PositionType.Administrator, PositionType.Pengawas, PositionType.Fungsional, PositionType.Pelaksana];

    public static string Slug(this EmploymentType type) => TypeSlugs.First(t => t.Type == type).Slug;

    public static string Slug(this LegalStatus status) => StatusSlugs.First(s => s.Status == status).Slug;

    /// <summary>How a grade is stored in Employee.GolonganCode: the BKN code for PNS ("34"), the roman level for PPPK ("IX").</summary>
    public static string StoredCode(this Golongan golongan) =>
        golongan.Scheme == GolonganScheme.Pns ? golongan.Code.ToString(CultureInfo.InvariantCulture) : golongan.Name;

    /// <summary>"Penata Tingkat I (III/d)" for PNS, "IX" for PPPK, the raw value when unreadable, "" when none.</summary>
    public static string GolonganDisplay(string? code) => Golongan.Parse(code)?.Display ?? code ?? "";

    /// <summary>Every grade in the order HR reads them: PNS I/a … IV/e, then PPPK I … XVII.</summary>
    public static IEnumerable<Golongan> AllGolongan => Golongan.PnsTable.Concat(Golongan.PppkTable);

    /// <summary>The legal status as SIASN wrote it for statuses grouped as Other; else the label (a localizer key).</summary>
    public static string StatusText(LegalStatus status, string? siasnName) =>
        status == LegalStatus.Other && !string.IsNullOrWhiteSpace(siasnName) ? siasnName : status.Label();

    /// <summary>A calendar date in the reader's language: "26 September 1986".</summary>
    public static string Date(DateOnly date) => date.ToString("d MMMM yyyy", CultureInfo.CurrentCulture);

    public static string FullName(string? prefix, string name, string? suffix) =>
        string.Join(" ", new[] { prefix, name }.Where(s => !string.IsNullOrWhiteSpace(s)))
        + (string.IsNullOrWhiteSpace(suffix) ? "" : ", " + suffix);
}
