using System.ComponentModel.DataAnnotations;
using AgentProgram.Web.Data;
using AgentProgram.Web.Features.Admin;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace AgentProgram.Web.Features.Units;

public sealed class MoveUnitForm
{
    /// <summary>Empty moves the unit to the top level.</summary>
    [Display(Name = "Unit induk baru")]
    public int? NewParentId { get; set; }

    public int Version { get; set; }
}

/// <summary>
/// Moves a unit (with everything under it) to another parent. A unit can never move under itself
/// or one of its own sub-units: that would cut the branch off the tree in a loop.
/// </summary>
public sealed class MoveUnitHandler(AppDbContext db, IStringLocalizer<SharedResource> l)
{
    public async Task<(UnitOutcome Outcome, IReadOnlyList<FieldError> Errors)> HandleAsync(int id, MoveUnitForm form, CancellationToken ct = default)
    {
        var unit = await db.Units.SingleOrDefaultAsync(u => u.Id == id, ct);
        if (unit is null) return (UnitOutcome.NotFound, []);
        if (unit.ParentId == form.NewParentId) return (UnitOutcome.Unchanged, []);

        var tree = await UnitTree.LoadAsync(db, ct);
        if (form.NewParentId is { } target)
        {
            if (tree.Find(target) is not { } parent)
                return Invalid(l["Unit induk yang dipilih tidak ada lagi. Pilih unit induk dari daftar."]);
            if (target == id)
                return Invalid(l["Unit {0} tidak dapat dipindahkan ke bawah dirinya sendiri. Pilih unit induk lain.", unit.Name]);
            if (tree.SelfAndDescendants(id).Contains(target))
                return Invalid(l["Unit {0} tidak dapat dipindahkan ke bawah {1}, karena {1} adalah sub-unitnya sendiri. Pilih unit induk di luar cabang {0}.", unit.Name, parent.Name]);
            if (parent.IsClosed && !unit.IsClosed)
                return Invalid(l["Unit {0} sudah ditutup dan tidak dapat menjadi unit induk. Pilih unit yang masih aktif.", parent.Name]);
        }
        var twin = tree.Ordered.Select(p => p.Unit)
            .FirstOrDefault(u => u.Id != id && u.ParentId == form.NewParentId && !u.IsClosed && string.Equals(u.Name, unit.Name, StringComparison.CurrentCultureIgnoreCase));
        if (twin is not null && !unit.IsClosed)
            return Invalid(l["Sudah ada unit bernama {0} di bawah unit induk tujuan. Ubah nama salah satunya lebih dulu.", twin.Name]);

        db.Entry(unit).Property(u => u.Version).OriginalValue = form.Version;
        unit.ParentId = form.NewParentId;
        return await UnitSave.TryAsync(db, l, ct);
    }

    private static (UnitOutcome, IReadOnlyList<FieldError>) Invalid(string message) => (UnitOutcome.Invalid, [new(nameof(MoveUnitForm.NewParentId), message)]);
}
