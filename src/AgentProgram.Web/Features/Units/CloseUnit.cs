using System.ComponentModel.DataAnnotations;
using AgentProgram.Web.Data;
using AgentProgram.Web.Domain.Audit;
using AgentProgram.Web.Domain.Organization;
using AgentProgram.Web.Features.Admin;
using AgentProgram.Web.Infrastructure.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace AgentProgram.Web.Features.Units;

public sealed class CloseUnitForm
{
    [Required(ErrorMessage = "Alasan wajib diisi.")]
    [StringLength(500, ErrorMessage = "Alasan paling banyak 500 karakter.")]
    [Display(Name = "Alasan")]
    public string Reason { get; set; } = "";

    public int Version { get; set; }
}

public sealed class ReopenUnitForm
{
    public int Version { get; set; }
}

/// <summary>
/// Closes a unit (after a reorganisation) or opens it again. Units are never deleted: people,
/// reports and letters keep pointing at them. The reason goes into the audit trail with the change.
/// </summary>
public sealed class CloseUnitHandler(AppDbContext db, AuditLog audit, IStringLocalizer<SharedResource> l)
{
    public async Task<(UnitOutcome Outcome, IReadOnlyList<FieldError> Errors)> CloseAsync(int id, CloseUnitForm form, CancellationToken ct = default)
    {
        var unit = await db.Units.SingleOrDefaultAsync(u => u.Id == id, ct);
        if (unit is null) return (UnitOutcome.NotFound, []);
        if (unit.IsClosed) return (UnitOutcome.Unchanged, []);

        var openChildren = await db.Units.Where(u => u.ParentId == id && !u.IsClosed).OrderBy(u => u.Name).Select(u => u.Name).ToListAsync(ct);
        if (openChildren.Count > 0)
            return (UnitOutcome.Invalid, [new(nameof(CloseUnitForm.Reason),
                l["Unit {0} belum dapat ditutup karena masih memiliki {1} sub-unit yang aktif: {2}. Pindahkan sub-unit tersebut ke unit lain atau tutup lebih dulu.",
                    unit.Name, openChildren.Count, string.Join(", ", openChildren)])]);

        return await SaveAsync(unit, form.Version, closed: true, form.Reason.Trim(), ct);
    }

    public async Task<(UnitOutcome Outcome, IReadOnlyList<FieldError> Errors)> ReopenAsync(int id, ReopenUnitForm form, CancellationToken ct = default)
    {
        var unit = await db.Units.SingleOrDefaultAsync(u => u.Id == id, ct);
        if (unit is null) return (UnitOutcome.NotFound, []);
        if (!unit.IsClosed) return (UnitOutcome.Unchanged, []);
        if (unit.ParentId is { } parentId && await db.Units.AsNoTracking().SingleOrDefaultAsync(u => u.Id == parentId, ct) is { IsClosed: true } parent)
            return (UnitOutcome.Invalid, [new("",
                l["Unit induknya, {0}, masih ditutup. Buka kembali unit induk lebih dulu, atau pindahkan unit ini ke unit induk yang aktif.", parent.Name])]);

        return await SaveAsync(unit, form.Version, closed: false, reason: null, ct);
    }

    private async Task<(UnitOutcome, IReadOnlyList<FieldError>)> SaveAsync(Unit unit, int version, bool closed, string? reason, CancellationToken ct)
    {
        db.Entry(unit).Property(u => u.Version).OriginalValue = version;
        unit.IsClosed = closed;
        var changes = new UserChanges().Changed(nameof(Unit.IsClosed), !closed, closed);
        if (reason is not null) changes.Set(UserChanges.ReasonField, reason);
        try
        {
            // One audit entry that carries the reason, saved in the same SaveChanges as the change itself.
            using (db.SuppressEntityAudit())
                await audit.WriteAsync(AuditActions.Updated, detail: changes.ToJson(), entityType: nameof(Unit), entityKey: unit.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), ct: ct);
            return (UnitOutcome.Done, []);
        }
        catch (DbUpdateConcurrencyException)
        {
            return (UnitOutcome.Invalid, [new("", l[UnitSave.Conflict])]);
        }
    }
}
