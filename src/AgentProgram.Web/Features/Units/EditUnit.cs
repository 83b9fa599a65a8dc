using AgentProgram.Web.Data;
using AgentProgram.Web.Features.Admin;
using AgentProgram.Web.Features.Shared.Conflicts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace AgentProgram.Web.Features.Units;

/// <param name="Path">The units above this one, top first (empty for a top-level unit).</param>
/// <param name="MoveTargets">Units this one may move under: open, and not itself or below itself.</param>
/// <param name="Move">The move form as posted (kept after an error), or the current parent.</param>
public sealed record UnitDetailPage(
    UnitNode Unit, IReadOnlyList<UnitNode> Path, IReadOnlyList<UnitNode> Children, int Direct, int Total,
    UnitForm Form, MoveUnitForm Move, IReadOnlyList<UnitPlace> MoveTargets, UnitNode? Parent);

/// <summary>One unit: its place in the tree, its people, and the forms to edit, move, close or reopen it.</summary>
public sealed class UnitDetailHandler(AppDbContext db, ConflictService conflicts, IStringLocalizer<SharedResource> l)
{
    public async Task<UnitDetailPage?> LoadAsync(int id, UnitForm? form = null, MoveUnitForm? move = null, CancellationToken ct = default)
    {
        var tree = await UnitTree.LoadAsync(db, ct);
        if (tree.Find(id) is not { } unit) return null;
        var below = tree.SelfAndDescendants(id);
        var counts = await db.Employees.AsNoTracking()
            .Where(e => e.UnitId != null && below.Contains(e.UnitId.Value))
            .GroupBy(e => e.UnitId!.Value)
            .Select(g => new { UnitId = g.Key, Count = g.Count() })
            .ToListAsync(ct);
        var path = tree.PathOf(id);
        if (form is null)
        {
            form = UnitForm.Of(unit);
            conflicts.Start(form, UnitConflictFields.Describe(form, l));
        }
        return new UnitDetailPage(
            unit, path.Take(path.Count - 1).ToList(), tree.ChildrenOf(id).ToList(),
            counts.Where(c => c.UnitId == id).Sum(c => c.Count), counts.Sum(c => c.Count),
            form,
            move ?? new MoveUnitForm { NewParentId = unit.ParentId, Version = unit.Version },
            tree.Ordered.Where(p => !p.Unit.IsClosed && !below.Contains(p.Unit.Id)).ToList(),
            unit.ParentId is { } p ? tree.Find(p) : null);
    }
}

/// <summary>Renames a unit and changes its code, eselon, head title and SIASN UNOR id.</summary>
public sealed class EditUnitHandler(AppDbContext db, ConflictService conflicts, IStringLocalizer<SharedResource> l)
{
    public async Task<(UnitOutcome Outcome, IReadOnlyList<FieldError> Errors)> HandleAsync(int id, UnitForm form, CancellationToken ct = default)
    {
        var unit = await db.Units.SingleOrDefaultAsync(u => u.Id == id, ct);
        if (unit is null) return (UnitOutcome.NotFound, []);
        var tree = await UnitTree.LoadAsync(db, ct);
        var (eselon, errors) = await UnitRules.CheckAsync(db, tree, form, unit.ParentId, unit.Id, l, ct);
        if (errors.Count > 0) return (UnitOutcome.Invalid, errors);

        db.Entry(unit).Property(u => u.Version).OriginalValue = form.Version;
        unit.Name = form.Name.Trim();
        unit.Code = UnitRules.Clean(form.Code);
        unit.Eselon = eselon;
        unit.HeadTitle = UnitRules.Clean(form.HeadTitle);
        unit.SiasnUnorId = UnitRules.Clean(form.SiasnUnorId);
        if (!db.ChangeTracker.HasChanges()) return (UnitOutcome.Unchanged, []);
        try
        {
            await db.SaveChangesAsync(ct);
            return (UnitOutcome.Done, []);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Another officer saved first: show what changed and keep the entries on top of the stored version.
            db.ChangeTracker.Clear();
            var current = await UnitTree.LoadAsync(db, ct);
            if (current.Find(id) is not { } stored) return (UnitOutcome.NotFound, []);
            conflicts.Resolve(form, UnitForm.Of(stored), f => UnitConflictFields.Describe(f, l));
            form.Version = stored.Version;
            return (UnitOutcome.Conflict, []);
        }
        catch (DbUpdateException)
        {
            return (UnitOutcome.Invalid, [new(nameof(UnitForm.SiasnUnorId), l["ID UNOR SIASN ini sudah dipakai unit lain."])]);
        }
    }
}

/// <summary>The unit form's fields as a person reads them, for the "what changed" report.</summary>
internal static class UnitConflictFields
{
    public static IReadOnlyList<ConflictField> Describe(UnitForm f, IStringLocalizer l) =>
    [
        new(nameof(f.Name), l["Nama unit"], Text(f.Name)),
        new(nameof(f.Code), l["Kode unit"], Text(f.Code)),
        new(nameof(f.Eselon), l["Eselon"], Text(f.Eselon)),
        new(nameof(f.HeadTitle), l["Jabatan pimpinan unit"], Text(f.HeadTitle)),
        new(nameof(f.SiasnUnorId), l["ID UNOR SIASN"], Text(f.SiasnUnorId)),
    ];

    private static string? Text(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}

internal static class UnitSave
{
    public const string Conflict = "Data ini baru saja diubah orang lain. Muat ulang halaman lalu ulangi perubahan Anda.";

    /// <summary>Saves; another officer's save in between (or a taken UNOR id) comes back as a form error, nothing half-saved.</summary>
    public static async Task<(UnitOutcome, IReadOnlyList<FieldError>)> TryAsync(AppDbContext db, IStringLocalizer l, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return (UnitOutcome.Done, []);
        }
        catch (DbUpdateConcurrencyException)
        {
            return (UnitOutcome.Invalid, [new("", l[Conflict])]);
        }
        catch (DbUpdateException)
        {
            return (UnitOutcome.Invalid, [new(nameof(UnitForm.SiasnUnorId), l["ID UNOR SIASN ini sudah dipakai unit lain."])]);
        }
    }
}
