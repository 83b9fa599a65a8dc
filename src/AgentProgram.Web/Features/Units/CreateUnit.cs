using System.ComponentModel.DataAnnotations;
using AgentProgram.Web.Data;
using AgentProgram.Web.Domain.Employees;
using AgentProgram.Web.Domain.Organization;
using AgentProgram.Web.Features.Admin;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace AgentProgram.Web.Features.Units;

/// <summary>A unit's own fields. ParentId is used when creating; an existing unit moves with <see cref="MoveUnitForm"/>.</summary>
public sealed class UnitForm : Shared.Conflicts.ConflictGuardedForm
{
    [Display(Name = "Unit induk")]
    public int? ParentId { get; set; }

    [Required(ErrorMessage = "Nama unit wajib diisi.")]
    [StringLength(200, ErrorMessage = "Nama unit paling banyak 200 karakter.")]
    [Display(Name = "Nama unit")]
    public string Name { get; set; } = "";

    [StringLength(50, ErrorMessage = "Kode unit paling banyak 50 karakter.")]
    [Display(Name = "Kode unit")]
    public string? Code { get; set; }

    [StringLength(20, ErrorMessage = "Eselon paling banyak 20 karakter.")]
    [Display(Name = "Eselon")]
    public string? Eselon { get; set; }

    [StringLength(200, ErrorMessage = "Jabatan pimpinan unit paling banyak 200 karakter.")]
    [Display(Name = "Jabatan pimpinan unit")]
    public string? HeadTitle { get; set; }

    [StringLength(64, ErrorMessage = "ID UNOR SIASN paling banyak 64 karakter.")]
    [Display(Name = "ID UNOR SIASN")]
    public string? SiasnUnorId { get; set; }

    public int Version { get; set; }

    public static UnitForm Of(UnitNode u) => new()
    {
        ParentId = u.ParentId, Name = u.Name, Code = u.Code, Eselon = u.Eselon, HeadTitle = u.HeadTitle, SiasnUnorId = u.SiasnUnorId, Version = u.Version,
    };
}

public sealed record UnitCreatePage(UnitForm Form, IReadOnlyList<UnitPlace> Parents);

public enum UnitOutcome { Done, Unchanged, NotFound, Invalid, Conflict }

/// <summary>Creates a unit under an open parent (or at the top). Eselon is optional and never shapes the tree.</summary>
public sealed class CreateUnitHandler(AppDbContext db, IStringLocalizer<SharedResource> l)
{
    public async Task<UnitCreatePage> LoadAsync(UnitForm form, CancellationToken ct = default)
    {
        var tree = await UnitTree.LoadAsync(db, ct);
        return new UnitCreatePage(form, tree.Ordered.Where(p => !p.Unit.IsClosed).ToList());
    }

    public async Task<(int? Id, IReadOnlyList<FieldError> Errors)> HandleAsync(UnitForm form, CancellationToken ct = default)
    {
        var tree = await UnitTree.LoadAsync(db, ct);
        var errors = new List<FieldError>();
        if (form.ParentId is { } parentId)
        {
            var parent = tree.Find(parentId);
            if (parent is null) errors.Add(new(nameof(form.ParentId), l["Unit induk yang dipilih tidak ada lagi. Pilih unit induk dari daftar."]));
            else if (parent.IsClosed) errors.Add(new(nameof(form.ParentId), l["Unit {0} sudah ditutup dan tidak dapat menjadi unit induk. Pilih unit yang masih aktif.", parent.Name]));
        }
        var (eselon, fieldErrors) = await UnitRules.CheckAsync(db, tree, form, form.ParentId, selfId: null, l, ct);
        errors.AddRange(fieldErrors);
        if (errors.Count > 0) return (null, errors);

        var unit = new Unit
        {
            ParentId = form.ParentId,
            Name = form.Name.Trim(),
            Code = UnitRules.Clean(form.Code),
            Eselon = eselon,
            HeadTitle = UnitRules.Clean(form.HeadTitle),
            SiasnUnorId = UnitRules.Clean(form.SiasnUnorId),
        };
        db.Units.Add(unit);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException) when (unit.SiasnUnorId is not null)
        {
            // Two officers saving the same UNOR id at once: the unique index decides.
            return (null, [new(nameof(form.SiasnUnorId), l["ID UNOR SIASN {0} sudah dipakai unit lain.", unit.SiasnUnorId])]);
        }
        return (unit.Id, []);
    }
}

/// <summary>Checks shared by creating and editing a unit.</summary>
internal static class UnitRules
{
    public static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    /// <summary>The eselon to store ("III.a", or null for none) and the field errors.</summary>
    public static async Task<(string? Eselon, List<FieldError> Errors)> CheckAsync(AppDbContext db, UnitTree tree, UnitForm form, int? parentId, int? selfId,
        IStringLocalizer l, CancellationToken ct)
    {
        var errors = new List<FieldError>();
        string? eselon = null;
        if (Clean(form.Eselon) is { } text)
        {
            if (PositionTypes.TryParseEselon(text, out var parsed)) eselon = parsed?.Label();
            else errors.Add(new(nameof(form.Eselon), l[EmployeeMessages.PositionEselonUnknown, text]));
        }

        var name = form.Name?.Trim() ?? "";
        var twin = tree.Ordered.Select(p => p.Unit)
            .FirstOrDefault(u => u.Id != selfId && u.ParentId == parentId && !u.IsClosed && string.Equals(u.Name, name, StringComparison.CurrentCultureIgnoreCase));
        if (name.Length > 0 && twin is not null)
            errors.Add(new(nameof(form.Name), l["Sudah ada unit bernama {0} di bawah unit induk yang sama. Gunakan nama lain, atau ubah unit yang sudah ada.", twin.Name]));

        if (Clean(form.SiasnUnorId) is { } unor && await db.Units.AnyAsync(u => u.SiasnUnorId == unor && u.Id != selfId, ct))
            errors.Add(new(nameof(form.SiasnUnorId), l["ID UNOR SIASN {0} sudah dipakai unit lain.", unor]));
        return (eselon, errors);
    }
}
