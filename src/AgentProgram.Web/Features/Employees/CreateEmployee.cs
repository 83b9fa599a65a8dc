using AgentProgram.Web.Data;
using AgentProgram.Web.Domain.Employees;
using AgentProgram.Web.Features.Admin;
using AgentProgram.Web.Features.Units;
using AgentProgram.Web.Infrastructure.Time;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace AgentProgram.Web.Features.Employees;

/// <summary>
/// Adds one employee by hand (someone missing from the last SIASN export). The NIP goes through
/// the same rules as an import: a hard error blocks, a warning is shown on the employee's page
/// but does not block, and a NIP already on file is refused.
/// </summary>
public sealed class CreateEmployeeHandler(AppDbContext db, TimeProvider clock, Display display, IStringLocalizer<SharedResource> l)
{
    public async Task<EmployeeFormPage> LoadAsync(EmployeeForm form, CancellationToken ct = default)
    {
        var tree = await UnitTree.LoadAsync(db, ct);
        return new EmployeeFormPage(null, null, null, form, EmployeeFormRules.UnitChoices(tree, null), []);
    }

    public async Task<(int? Id, IReadOnlyList<FieldError> Errors)> HandleAsync(EmployeeForm form, CancellationToken ct = default)
    {
        var today = ShowEmployeeHandler.Today(clock, display);
        var errors = new List<FieldError>();

        var check = NipCheck.Check(form.Nip, new NipContext(form.EmploymentType, form.BirthDate, form.Sex), today);
        if (string.IsNullOrWhiteSpace(form.Nip))
            errors.Add(new(nameof(form.Nip), l["NIP wajib diisi. Tulis 18 digit NIP, misalnya 19860926 201505 1 001."]));
        else
            errors.AddRange(check.Errors.Select(e => new FieldError(nameof(form.Nip), l[e.Format, e.FormatArgs])));
        if (check.Nip is { } nip)
        {
            var existing = await db.Employees.AsNoTracking().Where(e => e.Nip == nip.Value).Select(e => new { e.Id, e.Name }).FirstOrDefaultAsync(ct);
            if (existing is not null)
                errors.Add(new(nameof(form.Nip), l["NIP ini sudah terdaftar atas nama {0}. Buka data pegawai tersebut untuk mengubahnya; satu NIP hanya untuk satu pegawai.", existing.Name]));
            // What the NIP itself says fills what the officer left blank.
            form.BirthDate ??= nip.BirthDate;
            form.Sex ??= nip.Sex;
        }

        var tree = await UnitTree.LoadAsync(db, ct);
        var (golongan, fieldErrors) = EmployeeFormRules.Check(form, tree, null, today, l);
        errors.AddRange(fieldErrors);
        if (errors.Count > 0) return (null, errors);

        var now = clock.GetUtcNow().UtcDateTime;
        var employee = new Employee { Nip = check.Value!, CreatedUtc = now, UpdatedUtc = now };
        EmployeeFormRules.Apply(form, golongan, employee);
        db.Employees.Add(employee);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Saved by someone else a moment ago: the unique index on NIP decides.
            return (null, [new(nameof(form.Nip), l["NIP ini baru saja didaftarkan oleh pengguna lain. Cari NIP tersebut di daftar pegawai."])]);
        }
        return (employee.Id, []);
    }
}
