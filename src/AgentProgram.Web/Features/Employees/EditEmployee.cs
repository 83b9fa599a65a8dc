using System.ComponentModel.DataAnnotations;
using AgentProgram.Web.Data;
using AgentProgram.Web.Domain.Employees;
using System.Globalization;
using AgentProgram.Web.Features.Admin;
using AgentProgram.Web.Features.Shared.Conflicts;
using AgentProgram.Web.Features.Units;
using AgentProgram.Web.Infrastructure.Aggregates;
using AgentProgram.Web.Infrastructure.Time;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace AgentProgram.Web.Features.Employees;

/// <summary>The fields HR maintains by hand. Nip is used only when creating: an existing NIP never changes here.</summary>
public sealed class EmployeeForm : ConflictGuardedForm
{
    [StringLength(40, ErrorMessage = "NIP paling banyak 40 karakter.")]
    [Display(Name = "NIP")]
    public string? Nip { get; set; }

    [Required(ErrorMessage = "Nama wajib diisi.")]
    [StringLength(200, ErrorMessage = "Nama paling banyak 200 karakter.")]
    [Display(Name = "Nama tanpa gelar")]
    public string Name { get; set; } = "";

    [StringLength(50, ErrorMessage = "Gelar depan paling banyak 50 karakter.")]
    [Display(Name = "Gelar depan")]
    public string? TitlePrefix { get; set; }

    [StringLength(100, ErrorMessage = "Gelar belakang paling banyak 100 karakter.")]
    [Display(Name = "Gelar belakang")]
    public string? TitleSuffix { get; set; }

    [Display(Name = "Jenis kelamin")]
    public Sex? Sex { get; set; }

    [Display(Name = "Tanggal lahir")]
    public DateOnly? BirthDate { get; set; }

    [Required(ErrorMessage = "Pilih jenis pegawai.")]
    [Display(Name = "Jenis pegawai")]
    public EmploymentType? EmploymentType { get; set; }

    [Required(ErrorMessage = "Pilih kedudukan hukum.")]
    [Display(Name = "Kedudukan hukum")]
    public LegalStatus? LegalStatus { get; set; }

    public bool HasDisciplinarySanction { get; set; }

    [StringLength(60, ErrorMessage = "Golongan paling banyak 60 karakter.")]
    [Display(Name = "Golongan")]
    public string? Golongan { get; set; }

    [Display(Name = "Jenis jabatan")]
    public PositionType? PositionType { get; set; }

    [StringLength(300, ErrorMessage = "Nama jabatan paling banyak 300 karakter.")]
    [Display(Name = "Nama jabatan")]
    public string? PositionName { get; set; }

    [Display(Name = "Unit kerja")]
    public int? UnitId { get; set; }

    [EmailAddress(ErrorMessage = "Alamat email tidak valid.")]
    [StringLength(256, ErrorMessage = "Email paling banyak 256 karakter.")]
    [Display(Name = "Email dinas")]
    public string? GovEmail { get; set; }

    [StringLength(30, ErrorMessage = "Nomor telepon paling banyak 30 karakter.")]
    [RegularExpression(@"^\+?[0-9][0-9 ().\-]{5,29}$", ErrorMessage = "Nomor telepon hanya boleh berisi angka, spasi, tanda kurung, titik, tanda hubung, dan tanda + di depan.")]
    [Display(Name = "Nomor HP")]
    public string? Phone { get; set; }

    [Display(Name = "Tanggal awal kontrak")]
    public DateOnly? ContractStart { get; set; }

    [Display(Name = "Tanggal akhir kontrak")]
    public DateOnly? ContractEnd { get; set; }

    public int Version { get; set; }

    public static EmployeeForm Of(Employee e) => new()
    {
        Name = e.Name, TitlePrefix = e.TitlePrefix, TitleSuffix = e.TitleSuffix, Sex = e.Sex, BirthDate = e.BirthDate,
        EmploymentType = e.EmploymentType, LegalStatus = e.LegalStatus, HasDisciplinarySanction = e.HasDisciplinarySanction,
        Golongan = Domain.Employees.Golongan.Parse(e.GolonganCode)?.StoredCode() ?? e.GolonganCode,
        PositionType = e.PositionType, PositionName = e.PositionName, UnitId = e.UnitId, GovEmail = e.GovEmail, Phone = e.Phone,
        ContractStart = e.ContractStart, ContractEnd = e.ContractEnd, Version = e.Version,
    };
}

/// <param name="Id">Null on the create page.</param>
/// <param name="Units">The units an employee can be placed in (open ones, plus the current unit if it was closed since).</param>
/// <param name="NipIssues">The NIP rules applied to the form's birth date, sex and type (edit page), shown as warnings.</param>
public sealed record EmployeeFormPage(int? Id, string? NipDisplay, string? FullName, EmployeeForm Form, IReadOnlyList<UnitPlace> Units, IReadOnlyList<ImportIssue> NipIssues);

public enum EmployeeOutcome { Done, Unchanged, NotFound, Invalid, Conflict }

/// <summary>HR corrects an employee's data by hand, with the same rules the import applies.</summary>
public sealed class EditEmployeeHandler(AppDbContext db, TimeProvider clock, Display display, ConflictService conflicts, IStringLocalizer<SharedResource> l)
{
    public async Task<EmployeeFormPage?> LoadAsync(int id, EmployeeForm? form = null, CancellationToken ct = default)
    {
        var e = await db.Employees.AsNoTracking().SingleOrDefaultAsync(x => x.Id == id, ct);
        if (e is null) return null;
        var tree = await UnitTree.LoadAsync(db, ct);
        if (form is null)
        {
            form = EmployeeForm.Of(e);
            conflicts.Start(form, EmployeeConflictFields.Describe(form, tree, l));
        }
        var issues = ShowEmployeeHandler.NipIssuesOf(e.Nip, form.EmploymentType, form.BirthDate, form.Sex, ShowEmployeeHandler.Today(clock, display));
        return new EmployeeFormPage(id, Nip.FormatForDisplay(e.Nip), e.FullName, form, EmployeeFormRules.UnitChoices(tree, e.UnitId), issues);
    }

    public async Task<(EmployeeOutcome Outcome, IReadOnlyList<FieldError> Errors)> SaveAsync(int id, EmployeeForm form, CancellationToken ct = default)
    {
        var employee = await db.Employees.SingleOrDefaultAsync(x => x.Id == id, ct);
        if (employee is null) return (EmployeeOutcome.NotFound, []);
        var tree = await UnitTree.LoadAsync(db, ct);
        var today = ShowEmployeeHandler.Today(clock, display);
        var (golongan, errors) = EmployeeFormRules.Check(form, tree, employee.UnitId, today, l);
        if (errors.Count > 0) return (EmployeeOutcome.Invalid, errors);

        db.Entry(employee).Property(x => x.Version).OriginalValue = form.Version;
        var unitBefore = employee.UnitId;
        EmployeeFormRules.Apply(form, golongan, employee);
        if (!db.ChangeTracker.HasChanges()) return (EmployeeOutcome.Unchanged, []);
        employee.UpdatedUtc = clock.GetUtcNow().UtcDateTime;
        // Tracked-link clicks count under the agent's current unit: a move changes the figures of their click days.
        if (employee.UnitId != unitBefore) await AggregateMarks.StageClickDaysOfEmployeesAsync(db, [employee.Id], ct);
        try
        {
            await db.SaveChangesAsync(ct);
            return (EmployeeOutcome.Done, []);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Another officer saved first: nothing of this save is kept; show what changed and keep the entries on top of the stored version.
            db.ChangeTracker.Clear();
            var current = await db.Employees.AsNoTracking().SingleOrDefaultAsync(x => x.Id == id, ct);
            if (current is null) return (EmployeeOutcome.NotFound, []);
            conflicts.Resolve(form, EmployeeForm.Of(current), f => EmployeeConflictFields.Describe(f, tree, l));
            form.Version = current.Version;
            return (EmployeeOutcome.Conflict, []);
        }
    }
}

/// <summary>The employee form's fields as a person reads them, for the "what changed" report.</summary>
internal static class EmployeeConflictFields
{
    public static IReadOnlyList<ConflictField> Describe(EmployeeForm f, UnitTree tree, IStringLocalizer l) =>
    [
        new(nameof(f.Name), l["Nama tanpa gelar"], Text(f.Name)),
        new(nameof(f.TitlePrefix), l["Gelar depan"], Text(f.TitlePrefix)),
        new(nameof(f.TitleSuffix), l["Gelar belakang"], Text(f.TitleSuffix)),
        new(nameof(f.Sex), l["Jenis kelamin"], f.Sex is { } sex ? l[sex.Label()].Value : null),
        new(nameof(f.BirthDate), l["Tanggal lahir"], Day(f.BirthDate)),
        new(nameof(f.GovEmail), l["Email dinas"], Text(f.GovEmail)),
        new(nameof(f.Phone), l["Nomor HP"], Text(f.Phone)),
        new(nameof(f.EmploymentType), l["Jenis pegawai"], f.EmploymentType is { } type ? l[type.Label()].Value : null),
        new(nameof(f.LegalStatus), l["Kedudukan hukum"], f.LegalStatus is { } status ? l[status.Label()].Value : null),
        new(nameof(f.HasDisciplinarySanction), l["Sedang menjalani hukuman disiplin"], f.HasDisciplinarySanction ? l["Ya"].Value : l["Tidak"].Value),
        new(nameof(f.Golongan), l["Golongan"], Text(f.Golongan) is { } g ? Domain.Employees.Golongan.Parse(g)?.Display ?? g : null),
        new(nameof(f.PositionType), l["Jenis jabatan"], f.PositionType is { } position ? l[position.Label()].Value : null),
        new(nameof(f.PositionName), l["Nama jabatan"], Text(f.PositionName)),
        new(nameof(f.UnitId), l["Unit Kerja"], f.UnitId is { } unitId ? tree.Find(unitId)?.Name ?? unitId.ToString(CultureInfo.InvariantCulture) : null),
        new(nameof(f.ContractStart), l["Tanggal awal kontrak"], Day(f.ContractStart)),
        new(nameof(f.ContractEnd), l["Tanggal akhir kontrak"], Day(f.ContractEnd)),
    ];

    private static string? Text(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    private static string? Day(DateOnly? d) => d?.ToString("d MMMM yyyy", CultureInfo.CurrentCulture);
}

/// <summary>The checks shared by creating and editing an employee by hand.</summary>
internal static class EmployeeFormRules
{
    public static IReadOnlyList<UnitPlace> UnitChoices(UnitTree tree, int? currentUnitId) =>
        tree.Ordered.Where(p => !p.Unit.IsClosed || p.Unit.Id == currentUnitId).ToList();

    /// <summary>The grade to store and the field errors (in the user's language).</summary>
    public static (Golongan? Golongan, List<FieldError> Errors) Check(EmployeeForm form, UnitTree tree, int? currentUnitId, DateOnly today, IStringLocalizer l)
    {
        var errors = new List<FieldError>();
        var type = form.EmploymentType;

        Golongan? golongan = null;
        if (!string.IsNullOrWhiteSpace(form.Golongan))
        {
            golongan = Domain.Employees.Golongan.Parse(form.Golongan);
            if (golongan is null)
                errors.Add(new(nameof(form.Golongan), l[EmployeeMessages.GolonganUnknown, form.Golongan.Trim()]));
            else if (type is { } t && golongan.CheckFits(t) is { } misfit)
                errors.Add(new(nameof(form.Golongan), l[misfit.Format, golongan.Name, l[t.Label()].Value]));
        }

        if (type?.IsPppk() == true)
        {
            if (form.ContractStart is null) errors.Add(new(nameof(form.ContractStart), l["Tanggal awal kontrak wajib diisi untuk pegawai PPPK."]));
            if (form.ContractEnd is null) errors.Add(new(nameof(form.ContractEnd), l["Tanggal akhir kontrak wajib diisi untuk pegawai PPPK."]));
            if (form.ContractStart is { } start && form.ContractEnd is { } end && end <= start)
                errors.Add(new(nameof(form.ContractEnd), l["Tanggal akhir kontrak harus sesudah tanggal awal kontrak."]));
        }

        if (form.BirthDate is { } birth && birth > today)
            errors.Add(new(nameof(form.BirthDate), l["Tanggal lahir tidak boleh sesudah hari ini."]));

        if (form.UnitId is { } unitId)
        {
            var unit = tree.Find(unitId);
            if (unit is null) errors.Add(new(nameof(form.UnitId), l["Unit kerja yang dipilih tidak ada lagi. Pilih unit kerja dari daftar."]));
            else if (unit.IsClosed && unitId != currentUnitId)
                errors.Add(new(nameof(form.UnitId), l["Unit kerja {0} sudah ditutup. Pilih unit kerja yang masih aktif.", unit.Name]));
        }
        return (golongan, errors);
    }

    public static void Apply(EmployeeForm form, Golongan? golongan, Employee e)
    {
        e.Name = form.Name.Trim();
        e.TitlePrefix = Clean(form.TitlePrefix);
        e.TitleSuffix = Clean(form.TitleSuffix);
        e.Sex = form.Sex;
        e.BirthDate = form.BirthDate;
        e.EmploymentType = form.EmploymentType!.Value;
        e.LegalStatus = form.LegalStatus!.Value;
        // SIASN's own wording is kept only for a status grouped as "other".
        if (e.LegalStatus != LegalStatus.Other) e.LegalStatusName = null;
        e.HasDisciplinarySanction = form.HasDisciplinarySanction;
        e.GolonganCode = golongan?.StoredCode();
        e.PositionType = form.PositionType;
        e.PositionName = Clean(form.PositionName);
        e.UnitId = form.UnitId;
        e.GovEmail = Clean(form.GovEmail);
        e.Phone = Clean(form.Phone);
        // Contract dates belong to PPPK only.
        e.ContractStart = e.EmploymentType.IsPppk() ? form.ContractStart : null;
        e.ContractEnd = e.EmploymentType.IsPppk() ? form.ContractEnd : null;
    }

    private static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
