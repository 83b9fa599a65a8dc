using System.Globalization;
using AgentProgram.Web.Features.Admin;
using AgentProgram.Web.Infrastructure.Security;
using AgentProgram.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace AgentProgram.Web.Features.Units;

/// <summary>The unit kerja tree, kept by HR: create, edit, move, close and reopen units.</summary>
[Route("unit-kerja")]
[Authorize(Policy = Policies.HumanResources)]
public sealed class UnitsController(IStringLocalizer<SharedResource> l) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(string? q, string? tutup, [FromServices] BrowseUnitsHandler handler) =>
        View(await handler.HandleAsync(UnitTreeQuery.From(q, tutup)));

    /// <summary>The tree as CSV or XLSX (format=xlsx), as the page shows it (convention: Infrastructure/Web/TableExport.cs).</summary>
    [HttpGet("ekspor")]
    public Task<IActionResult> Export(string? q, string? tutup, string? format, [FromServices] BrowseUnitsHandler handler)
    {
        var query = UnitTreeQuery.From(q, tutup);
        return this.ExportAsync(format, "unit-kerja", query.Url(), async limit => await handler.ExportAsync(query, limit));
    }

    [HttpGet("baru")]
    public async Task<IActionResult> Create(int? induk, [FromServices] CreateUnitHandler handler) =>
        View(await handler.LoadAsync(new UnitForm { ParentId = induk }));

    [HttpPost("baru")]
    public async Task<IActionResult> Create(UnitForm form, [FromServices] CreateUnitHandler handler)
    {
        if (!ModelState.IsValid) return View(await handler.LoadAsync(form));
        var (id, errors) = await handler.HandleAsync(form);
        if (id is null) return Invalid(View(await handler.LoadAsync(form)), errors);
        return Done(id.Value, l["Unit {0} ditambahkan.", form.Name.Trim()]);
    }

    [HttpGet("{id:int}")]
    public async Task<IActionResult> Detail(int id, [FromServices] UnitDetailHandler handler) =>
        await handler.LoadAsync(id) is { } page ? View(page) : NotFound();

    [HttpPost("{id:int}")]
    public async Task<IActionResult> Edit(int id, UnitForm form, [FromServices] EditUnitHandler handler, [FromServices] UnitDetailHandler detail)
    {
        if (!ModelState.IsValid) return await DetailAgainAsync(id, detail, form);
        var (outcome, errors) = await handler.HandleAsync(id, form);
        return outcome switch
        {
            UnitOutcome.NotFound => NotFound(),
            UnitOutcome.Invalid => Invalid(await DetailAgainAsync(id, detail, form), errors),
            UnitOutcome.Conflict => await DetailAgainAsync(id, detail, form),
            UnitOutcome.Unchanged => Done(id, l["Tidak ada perubahan untuk disimpan."]),
            _ => Done(id, l["Perubahan unit disimpan."]),
        };
    }

    [HttpPost("{id:int}/pindah")]
    public async Task<IActionResult> Move(int id, MoveUnitForm form, [FromServices] MoveUnitHandler handler, [FromServices] UnitDetailHandler detail)
    {
        if (!ModelState.IsValid) return await DetailAgainAsync(id, detail, move: form);
        var (outcome, errors) = await handler.HandleAsync(id, form);
        return outcome switch
        {
            UnitOutcome.NotFound => NotFound(),
            UnitOutcome.Invalid => Invalid(await DetailAgainAsync(id, detail, move: form), errors),
            UnitOutcome.Unchanged => Done(id, l["Unit sudah berada di bawah unit induk itu."]),
            _ => Done(id, l["Unit dipindahkan beserta seluruh sub-unitnya."]),
        };
    }

    [HttpPost("{id:int}/tutup")]
    public async Task<IActionResult> Close(int id, CloseUnitForm form, [FromServices] CloseUnitHandler handler, [FromServices] UnitDetailHandler detail)
    {
        if (!ModelState.IsValid) return await DetailAgainAsync(id, detail);
        var (outcome, errors) = await handler.CloseAsync(id, form);
        return outcome switch
        {
            UnitOutcome.NotFound => NotFound(),
            UnitOutcome.Invalid => Invalid(await DetailAgainAsync(id, detail), errors),
            UnitOutcome.Unchanged => Done(id, l["Unit ini sudah ditutup."]),
            _ => Done(id, l["Unit ditutup. Riwayat dan pegawainya tetap tersimpan."]),
        };
    }

    [HttpPost("{id:int}/buka")]
    public async Task<IActionResult> Reopen(int id, ReopenUnitForm form, [FromServices] CloseUnitHandler handler, [FromServices] UnitDetailHandler detail)
    {
        var (outcome, errors) = await handler.ReopenAsync(id, form);
        return outcome switch
        {
            UnitOutcome.NotFound => NotFound(),
            UnitOutcome.Invalid => Invalid(await DetailAgainAsync(id, detail), errors),
            UnitOutcome.Unchanged => Done(id, l["Unit ini sudah aktif."]),
            _ => Done(id, l["Unit dibuka kembali."]),
        };
    }

    private async Task<IActionResult> DetailAgainAsync(int id, UnitDetailHandler handler, UnitForm? form = null, MoveUnitForm? move = null) =>
        await handler.LoadAsync(id, form, move) is { } page ? View(nameof(Detail), page) : NotFound();

    private IActionResult Invalid(IActionResult view, IEnumerable<FieldError> errors)
    {
        foreach (var e in errors) ModelState.AddModelError(e.Field, e.Message);
        return view;
    }

    private RedirectResult Done(int id, string message)
    {
        TempData["Flash"] = message;
        return Redirect("/unit-kerja/" + id.ToString(CultureInfo.InvariantCulture));
    }
}
