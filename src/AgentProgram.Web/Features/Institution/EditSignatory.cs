using System.ComponentModel.DataAnnotations;
using AgentProgram.Web.Data;
using AgentProgram.Web.Domain.Employees;
using AgentProgram.Web.Domain.Organization;
using AgentProgram.Web.Features.Admin;
using AgentProgram.Web.Features.Employees;
using AgentProgram.Web.Features.Shared.Conflicts;
using AgentProgram.Web.Infrastructure.Localization;
using AgentProgram.Web.Infrastructure.Time;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace AgentProgram.Web.Features.Institution;

public sealed class SignatoryForm : ConflictGuardedForm
{
    [Required(ErrorMessage = "Pilih peran penandatangan.")]
    [Display(Name = "Peran penandatangan")]
    public SignatoryRole? Role { get; set; }

    [Required(ErrorMessage = "Nama penandatangan wajib diisi.")]
    [StringLength(200, ErrorMessage = "Nama paling banyak 200 karakter.")]
    [Display(Name = "Nama lengkap dengan gelar")]
    public string Name { get; set; } = "";

    [Required(ErrorMessage = "Jabatan penandatangan wajib diisi.")]
    [StringLength(200, ErrorMessage = "Jabatan paling banyak 200 karakter.")]
    [Display(Name = "Jabatan")]
    public string PositionTitle { get; set; } = "";

    [StringLength(40, ErrorMessage = "NIP paling banyak 40 karakter.")]
    [Display(Name = "NIP")]
    public string? Nip { get; set; }

    [StringLength(60, ErrorMessage = "Pangkat/golongan paling banyak 60 karakter.")]
    [Display(Name = "Pangkat/golongan")]
    public string? Golongan { get; set; }

    public bool OmitRankAndNip { get; set; }

    public int Version { get; set; }
}

/// <summary>A signatory as listed, with the lines of their signature block (DOMAIN.md §9).</summary>
public sealed record SignatoryRow(int Id, SignatoryRole Role, string Name, string PositionTitle, string? NipDisplay, Golongan? Golongan, string? GolonganCode, bool OmitRankAndNip);

public sealed record SignatoryPage(int? Id, SignatoryForm Form);

public static class SignatoryRoles
{
    public static readonly IReadOnlyList<SignatoryRole> All = [SignatoryRole.HeadOfInstitution, SignatoryRole.HeadOfPublicRelations, SignatoryRole.HeadOfHumanResources];

    public static string Label(this SignatoryRole role) => role switch
    {
        SignatoryRole.HeadOfInstitution => I18n.Key("Kepala Instansi"),
        SignatoryRole.HeadOfPublicRelations => I18n.Key("Kepala Humas"),
        SignatoryRole.HeadOfHumanResources => I18n.Key("Kepala Kepegawaian"),
        _ => role.ToString(),
    };
}

public enum SignatoryOutcome { Done, Unchanged, NotFound, Invalid, Conflict }

/// <summary>
/// The officials who sign letters. The NIP is checked with the NIP rules and kept as 18 digits;
/// the grade is read however it is written ("III/d", "Penata Tk. I") and kept as its code.
/// </summary>
public sealed class EditSignatoryHandler(AppDbContext db, TimeProvider clock, Display display, ConflictService conflicts, IStringLocalizer<SharedResource> l)
{
    public static async Task<IReadOnlyList<SignatoryRow>> ListAsync(AppDbContext db, CancellationToken ct = default)
    {
        var rows = await db.Signatories.AsNoTracking().OrderBy(s => s.Id).ToListAsync(ct);
        return rows.OrderBy(s => SignatoryRoles.All.ToList().IndexOf(s.Role)).ThenBy(s => s.Name, StringComparer.CurrentCultureIgnoreCase)
            .Select(s => new SignatoryRow(s.Id, s.Role, s.Name, s.PositionTitle, s.Nip is null ? null : Nip.FormatForDisplay(s.Nip),
                Domain.Employees.Golongan.Parse(s.GolonganCode), s.GolonganCode, s.OmitRankAndNip))
            .ToList();
    }

    public async Task<SignatoryPage?> LoadAsync(int id, CancellationToken ct = default)
    {
        var s = await db.Signatories.AsNoTracking().SingleOrDefaultAsync(x => x.Id == id, ct);
        if (s is null) return null;
        var form = FormOf(s);
        conflicts.Start(form, SignatoryConflictFields.Describe(form, l));
        return new SignatoryPage(id, form);
    }

    private static SignatoryForm FormOf(Signatory s) => new()
    {
        Role = s.Role, Name = s.Name, PositionTitle = s.PositionTitle, Nip = s.Nip is null ? null : Nip.FormatForDisplay(s.Nip),
        Golongan = Domain.Employees.Golongan.Parse(s.GolonganCode)?.Name ?? s.GolonganCode, OmitRankAndNip = s.OmitRankAndNip, Version = s.Version,
    };

    /// <summary>Creates (id null) or updates a signatory. Warnings are NIP warnings to show after saving.</summary>
    public async Task<(SignatoryOutcome Outcome, int? Id, IReadOnlyList<FieldError> Errors, IReadOnlyList<string> Warnings)> SaveAsync(
        int? id, SignatoryForm form, CancellationToken ct = default)
    {
        var errors = new List<FieldError>();
        var warnings = new List<string>();

        Golongan? golongan = null;
        if (!string.IsNullOrWhiteSpace(form.Golongan))
        {
            golongan = Domain.Employees.Golongan.Parse(form.Golongan);
            if (golongan is null) errors.Add(new(nameof(form.Golongan), l[EmployeeMessages.GolonganUnknown, form.Golongan.Trim()]));
        }
        else if (!form.OmitRankAndNip)
        {
            errors.Add(new(nameof(form.Golongan), l["Pangkat/golongan wajib diisi, kecuali untuk pejabat yang tidak mencantumkan pangkat dan NIP (eselon I)."]));
        }

        string? nip = null;
        if (!string.IsNullOrWhiteSpace(form.Nip))
        {
            EmploymentType? type = golongan?.Scheme switch { GolonganScheme.Pns => EmploymentType.Pns, GolonganScheme.Pppk => EmploymentType.Pppk, _ => null };
            var today = DateOnly.FromDateTime(display.ToLocal(clock.GetUtcNow().UtcDateTime));
            var check = NipCheck.Check(form.Nip, new NipContext(EmploymentType: type), today);
            if (check.Errors.FirstOrDefault() is { } error) errors.Add(new(nameof(form.Nip), l[error.Format, error.FormatArgs]));
            warnings.AddRange(check.Warnings.Select(w => l[w.Format, w.FormatArgs].Value));
            nip = check.Value;
        }
        else if (!form.OmitRankAndNip)
        {
            errors.Add(new(nameof(form.Nip), l["NIP wajib diisi, kecuali untuk pejabat yang tidak mencantumkan pangkat dan NIP (eselon I)."]));
        }
        if (errors.Count > 0) return (SignatoryOutcome.Invalid, id, errors, []);

        Signatory? signatory;
        if (id is null)
        {
            signatory = new Signatory();
            db.Signatories.Add(signatory);
        }
        else
        {
            signatory = await db.Signatories.SingleOrDefaultAsync(s => s.Id == id, ct);
            if (signatory is null) return (SignatoryOutcome.NotFound, id, [], []);
            db.Entry(signatory).Property(s => s.Version).OriginalValue = form.Version;
        }
        signatory.Role = form.Role!.Value;
        signatory.Name = form.Name.Trim();
        signatory.PositionTitle = form.PositionTitle.Trim();
        signatory.Nip = nip;
        signatory.GolonganCode = golongan?.StoredCode();
        signatory.OmitRankAndNip = form.OmitRankAndNip;

        if (!db.ChangeTracker.HasChanges()) return (SignatoryOutcome.Unchanged, id, [], warnings);
        try
        {
            await db.SaveChangesAsync(ct);
            return (SignatoryOutcome.Done, signatory.Id, [], warnings);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Another administrator saved first: show what changed and keep the entries on top of the stored version.
            db.ChangeTracker.Clear();
            var current = await db.Signatories.AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, ct);
            if (current is null) return (SignatoryOutcome.NotFound, id, [], []);
            conflicts.Resolve(form, FormOf(current), f => SignatoryConflictFields.Describe(f, l));
            form.Version = current.Version;
            return (SignatoryOutcome.Conflict, id, [], []);
        }
    }
}

/// <summary>The signatory form's fields as a person reads them, for the "what changed" report.</summary>
internal static class SignatoryConflictFields
{
    public static IReadOnlyList<ConflictField> Describe(SignatoryForm f, IStringLocalizer l) =>
    [
        new(nameof(f.Role), l["Peran penandatangan"], f.Role is { } role ? l[role.Label()].Value : null),
        new(nameof(f.Name), l["Nama lengkap dengan gelar"], Text(f.Name)),
        new(nameof(f.PositionTitle), l["Jabatan"], Text(f.PositionTitle)),
        new(nameof(f.Nip), l["NIP"], Text(f.Nip)),
        new(nameof(f.Golongan), l["Pangkat/golongan"], Text(f.Golongan)),
        new(nameof(f.OmitRankAndNip), l["Tanpa pangkat dan NIP di blok tanda tangan"], f.OmitRankAndNip ? l["Ya"].Value : l["Tidak"].Value),
    ];

    private static string? Text(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
