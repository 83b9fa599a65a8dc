using System.Globalization;
using AgentProgram.Web.Features.Admin;
using AgentProgram.Web.Infrastructure.Security;
using AgentProgram.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace AgentProgram.Web.Features.Employees;

/// <summary>HR's employee register. Employees are addressed by their numeric id, never by NIP.</summary>
[Route("pegawai")]
[Authorize(Policy = Policies.HumanResources)]
public sealed class EmployeesController(IStringLocalizer<SharedResource> l) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(string? q, string? unit, string? jenis, string? status, string? gol, string? agen, string? urut,
        [FromServices] ListEmployeesHandler handler, int hal = 1) =>
        View(await handler.HandleAsync(EmployeeListQuery.From(q, unit, jenis, status, gol, agen, urut, hal)));

    /// <summary>The list as CSV or XLSX (format=xlsx), every page of it (convention: Infrastructure/Web/TableExport.cs).</summary>
    [HttpGet("ekspor")]
    public Task<IActionResult> Export(string? q, string? unit, string? jenis, string? status, string? gol, string? agen, string? urut, string? format,
        [FromServices] ExportEmployeesHandler handler)
    {
        var query = EmployeeListQuery.From(q, unit, jenis, status, gol, agen, urut);
        // A NIP search has one row and is never refused as too large, so the NIP is never put into a redirect.
        return this.ExportAsync(format, "pegawai", query.NipSearch is null ? query.Url() : "/pegawai",
            async limit => await handler.HandleAsync(query, limit), auditEntity: "Employee");
    }

    [HttpGet("baru")]
    public async Task<IActionResult> Create([FromServices] CreateEmployeeHandler handler) =>
        View("Form", await handler.LoadAsync(new EmployeeForm()));

    [HttpPost("baru")]
    public async Task<IActionResult> Create(EmployeeForm form, [FromServices] CreateEmployeeHandler handler)
    {
        if (!ModelState.IsValid) return View("Form", await handler.LoadAsync(form));
        var (id, errors) = await handler.HandleAsync(form);
        if (id is null) return Invalid(View("Form", await handler.LoadAsync(form)), errors);
        return Done(id.Value, l["Pegawai {0} ditambahkan.", form.Name.Trim()]);
    }

    [HttpGet("{id:int}")]
    public async Task<IActionResult> Detail(int id, [FromServices] ShowEmployeeHandler handler) =>
        await handler.LoadAsync(id) is { } page ? View(page) : NotFound();

    [HttpGet("{id:int}/ubah")]
    public async Task<IActionResult> Edit(int id, [FromServices] EditEmployeeHandler handler) =>
        await handler.LoadAsync(id) is { } page ? View("Form", page) : NotFound();

    [HttpPost("{id:int}/ubah")]
    public async Task<IActionResult> Edit(int id, EmployeeForm form, [FromServices] EditEmployeeHandler handler)
    {
        if (!ModelState.IsValid) return await FormAgainAsync(id, form, handler);
        var (outcome, errors) = await handler.SaveAsync(id, form);
        return outcome switch
        {
            EmployeeOutcome.NotFound => NotFound(),
            EmployeeOutcome.Invalid => Invalid(await FormAgainAsync(id, form, handler), errors),
            EmployeeOutcome.Conflict => await FormAgainAsync(id, form, handler),
            EmployeeOutcome.Unchanged => Done(id, l["Tidak ada perubahan untuk disimpan."]),
            _ => Done(id, l["Perubahan data pegawai disimpan."]),
        };
    }

    private async Task<IActionResult> FormAgainAsync(int id, EmployeeForm form, EditEmployeeHandler handler) =>
        await handler.LoadAsync(id, form) is { } page ? View("Form", page) : NotFound();

    private IActionResult Invalid(IActionResult view, IEnumerable<FieldError> errors)
    {
        foreach (var e in errors) ModelState.AddModelError(e.Field, e.Message);
        return view;
    }

    private RedirectResult Done(int id, string message)
    {
        TempData["Flash"] = message;
        return Redirect("/pegawai/" + id.ToString(CultureInfo.InvariantCulture));
    }
}
